// Backups on fake-indexeddb: a round trip changes nothing, a failing restore changes nothing, and an older database
// is snapshotted before the schema upgrade.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { joinFileBytes } from '../../../shared/api/desktop-api';
import type { DesktopApi, SaveSnapshotRequest } from '../../../shared/api/desktop-api';
import { Dexie, GrantDatabase, db as appDb } from '../../../renderer/store/db';
import { ChangedDuringRestoreError, backupToBytes, dailySnapshotIfDue, deleteReplacedDatabases, discardUnfinishedRestore, exportBackup, replaceWithBackup, restoreBackup, setSnapshotWriter, snapshotBeforeImport, snapshotBeforeUpgrade, takeSnapshot, writeBackupParts } from '../../../renderer/store/backup';
import { readBackupBytes } from '../../../renderer/store/backup-read';
import { currentDatabaseName, newDatabaseName, pointToDatabase } from '../../../renderer/store/current-database';
import type { Project } from '../../../shared/domain/types';

let n = 0;
const open: Dexie[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

function fresh(): GrantDatabase {
  const d = new GrantDatabase(`backup-test-${n++}`);
  open.push(d);
  return d;
}

/** The database a restore wrote, opened as the reloaded app opens it: by the pointer of `replaced`'s name. */
async function reopened(replaced: GrantDatabase): Promise<GrantDatabase> {
  const d = new GrantDatabase(await currentDatabaseName(replaced.name));
  open.push(d);
  return d;
}

/** A failed restore leaves no database of its own behind and the pointer where it was. */
async function expectNothingLeft(replaced: GrantDatabase): Promise<void> {
  expect(await currentDatabaseName(replaced.name)).toBe(replaced.name);
  expect((await Dexie.getDatabaseNames()).filter((x) => x.startsWith(`${replaced.name}@`))).toEqual([]);
}

function fakeApi(): DesktopApi & { saved: SaveSnapshotRequest[] } {
  const saved: SaveSnapshotRequest[] = [];
  return {
    saved,
    saveSnapshot: async (r: SaveSnapshotRequest) => {
      saved.push(r);
      return { saved: true, location: r.fileName };
    },
    listSnapshots: async () => [],
    readSnapshot: async () => null,
  } as unknown as DesktopApi & { saved: SaveSnapshotRequest[] };
}

function project(code: string): Project {
  return {
    id: `id-${code}`, code, title: `課題${code}`, pi: '山田', piPosition: '', piResearcherNumber: '', department: '医学部', coInvestigators: [], partners: ['分担大学'], programId: 'binds',
    trackId: null, funderName: 'AMED', amedNumber: 'JP25am0101', eradNumber: '25123456', startDate: '2025-04-01', endDate: '2027-03-31',
    status: 'active', tags: ['創薬'], notes: '', archived: false, deletedAt: null, createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z',
  };
}

async function seed(d: GrantDatabase) {
  await d.projects.bulkAdd([project('A-1'), project('A-2')]);
  await d.budgetLines.add({ id: 'b1', projectId: 'id-A-1', fiscalYear: 2025, directYen: 10_000_000, indirectYen: 3_000_000 });
  await d.milestones.add({ id: 'm1', projectId: 'id-A-1', kind: 'stage-gate', title: 'SG1', dueDate: '2026-03-31', status: 'planned', doneDate: null, notes: '', origin: 'catalog' });
  await d.settings.put({ key: 'preferences', value: { userName: '山田' } });
}

/** A backup of the seed plus `n` projects coded `<prefix>-i`, and a database to restore it over holding KEEP-1. */
async function backupOverKept(n: number, prefix: string) {
  const a = fresh();
  await seed(a);
  await a.projects.bulkAdd(Array.from({ length: n }, (_, i) => project(`${prefix}-${i}`)));
  const backup = await exportBackup(a);
  const b = fresh();
  await b.projects.add(project('KEEP-1'));
  return { backup, b };
}

describe('backup and restore', () => {
  it('round-trips every table through the file format', async () => {
    const a = fresh();
    await seed(a);
    const bytes = backupToBytes(await exportBackup(a));
    const parsed = readBackupBytes(bytes, a.verno);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const b = fresh();
    await b.projects.add(project('OLD-1'));
    const api = fakeApi();
    const name = await restoreBackup(parsed.backup, { api, keep: 5, user: 'tester', database: b });
    const r = await reopened(b);
    expect(r.name).toBe(name);
    expect((await r.projects.toArray()).map((p) => p.code).sort()).toEqual(['A-1', 'A-2']);
    expect(await r.budgetLines.get('b1')).toMatchObject({ directYen: 10_000_000 });
    expect(await r.milestones.count()).toBe(1);
    // The replaced database is left as it was; the restore job deletes it next (PendingRestore), its connections
    // closing on the delete's versionchange.
    expect((await b.projects.toArray()).map((p) => p.code)).toEqual(['OLD-1']);
    expect(await deleteReplacedDatabases(r.name, { blockedGraceMs: 1_000 })).toEqual([b.name]);
    expect(b.isOpen()).toBe(false);
    expect(await Dexie.getDatabaseNames()).not.toContain(b.name);
    // The data it replaced was snapshotted first.
    expect(api.saved).toHaveLength(1);
    expect(api.saved[0]!.fileName).toMatch(/before-restore/);
    const snap = readBackupBytes(joinFileBytes(api.saved[0]!.bytes), b.verno);
    expect(snap.ok && snap.backup.tables.projects.map((p) => p.code)).toEqual(['OLD-1']);
  });

  it('writes nothing when the restore fails part-way', async () => {
    const a = fresh();
    await seed(a);
    const backup = await exportBackup(a);
    // Corrupt after validation: a duplicate office ID makes the unique index refuse the second row mid-transaction.
    backup.tables.projects.push({ ...project('A-1'), id: 'another-id' });
    const b = fresh();
    await b.projects.add(project('KEEP-1'));
    await expect(restoreBackup(backup, { api: fakeApi(), keep: 5, user: 't', database: b })).rejects.toThrow();
    expect((await b.projects.toArray()).map((p) => p.code)).toEqual(['KEEP-1']);
    await expectNothingLeft(b);
  });

  it('takes the daily backup once a day, and only when there is data', async () => {
    const d = fresh();
    const api = fakeApi();
    expect(await dailySnapshotIfDue(api, 5, new Date('2026-01-01T09:00:00Z'), d)).toBe(false);
    await seed(d);
    expect(await dailySnapshotIfDue(api, 5, new Date('2026-01-01T09:00:00Z'), d)).toBe(true);
    expect(await dailySnapshotIfDue(api, 5, new Date('2026-01-01T20:00:00Z'), d)).toBe(false);
    expect(await dailySnapshotIfDue(api, 5, new Date('2026-01-02T10:00:00Z'), d)).toBe(true);
    expect(api.saved.map((s) => s.keep)).toEqual([5, 5]);
  });

  it('snapshots an older database before the schema upgrade, and not a current one', async () => {
    const name = `backup-test-${n++}`;
    const old = new Dexie(name);
    old.version(0.5).stores({ projects: 'id, code' });
    await old.open();
    await old.table('projects').add({ id: 'x', code: 'OLD' });
    old.close();
    const current = new GrantDatabase(name);
    open.push(current);
    const api = fakeApi();
    expect(await snapshotBeforeUpgrade(api, 5, current)).toBe(true);
    const saved = JSON.parse(new TextDecoder().decode(joinFileBytes(api.saved[0]!.bytes)));
    expect(saved.tables.projects).toEqual([{ id: 'x', code: 'OLD' }]);
    await current.open();
    expect(await snapshotBeforeUpgrade(fakeApi(), 5, current)).toBe(false);
  });

  it('reads large tables in pages and writes them as parts holding exactly the bytes of one JSON.stringify', async () => {
    const d = fresh();
    await seed(d);
    // More rows than one read page (2,000) and two write slices (1,000), with an auto-increment key (auditLog) too: just
    // enough to cross the page boundary, so the test stays quick on a loaded machine (and has its own timeout).
    await d.projects.bulkAdd(Array.from({ length: 2_100 }, (_, i) => project(`P-${String(i).padStart(5, '0')}`)));
    await d.auditLog.bulkAdd(Array.from({ length: 2_100 }, (_, i) => ({ at: 'x', user: 'u', entity: 'project' as const, entityId: `e${i}`, projectId: null, action: 'update' as const, summary: `s${i}`, before: null, after: null })));
    const backup = await exportBackup(d);
    expect(backup.tables.projects).toHaveLength(2_102);
    expect(new Set(backup.tables.projects.map((p) => p.id)).size).toBe(2_102);
    expect(backup.tables.auditLog).toHaveLength(2_100);
    const seen: number[] = [];
    const parts = await writeBackupParts(d, { onProgress: (done, total) => seen.push(done / total) });
    // One part per page at least: the file is never built as one string.
    expect(parts.length).toBeGreaterThan(4);
    expect(seen.at(-1)).toBe(1);
    const joined = joinFileBytes(parts);
    // The parts' own createdAt is the only difference from the one-call serialisation of the same data.
    const text = new TextDecoder().decode(joined);
    const sameTime = JSON.stringify({ ...JSON.parse(text), createdAt: backup.createdAt });
    expect(sameTime).toBe(new TextDecoder().decode(backupToBytes(backup)));
    expect(readBackupBytes(joined, d.verno).ok).toBe(true);
  }, 60_000);

  it('takes the before-import backup only when there are projects, and lets a failed write surface', async () => {
    const d = fresh();
    const api = fakeApi();
    expect(await snapshotBeforeImport(api, 3, d)).toBe(false);
    expect(api.saved).toHaveLength(0);
    await seed(d);
    expect(await snapshotBeforeImport(api, 3, d)).toBe(true);
    expect(api.saved[0]!.fileName).toMatch(/before-import\.json$/);
    const snap = readBackupBytes(joinFileBytes(api.saved[0]!.bytes), d.verno);
    expect(snap.ok && snap.backup.tables.projects.map((p) => p.code).sort()).toEqual(['A-1', 'A-2']);
    const full = { ...api, saveSnapshot: async () => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' })) } as unknown as DesktopApi;
    await expect(snapshotBeforeImport(full, 3, d)).rejects.toThrow(/disk full/);
  });

  it('restores in chunks inside one transaction: a failure in the last chunk leaves the data as it was', async () => {
    const a = fresh();
    await seed(a);
    await a.projects.bulkAdd(Array.from({ length: 9 }, (_, i) => project(`C-${i}`)));
    const backup = await exportBackup(a);
    // Sorted by id, the duplicate office ID (id "zz…") is the last row of the last chunk: earlier chunks were written.
    backup.tables.projects.push({ ...project('C-1'), id: 'zz-duplicate' });
    const b = fresh();
    await seed(b);
    await b.projects.add(project('KEEP-1'));
    const before = { projects: await b.projects.toArray(), lines: await b.budgetLines.toArray(), settings: await b.settings.toArray() };
    const progress: number[] = [];
    await expect(replaceWithBackup(backup, { user: 't', database: b, chunkSize: 2, onProgress: (d) => progress.push(d) })).rejects.toThrow();
    // Chunks before the failing one were written (and reported) inside the transaction, then rolled back with it.
    expect(progress.at(-1)).toBeGreaterThanOrEqual(10);
    expect(await b.projects.toArray()).toEqual(before.projects);
    expect(await b.budgetLines.toArray()).toEqual(before.lines);
    expect(await b.settings.toArray()).toEqual(before.settings);
    await expectNothingLeft(b);
  });

  it('a restore cancelled mid-way leaves the data as it was', async () => {
    const { backup, b } = await backupOverKept(20, 'N');
    const stop = new AbortController();
    const progress: number[] = [];
    const run = replaceWithBackup(backup, {
      user: 't', database: b, chunkSize: 3, signal: stop.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done >= 6) stop.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.some((d) => d >= 6)).toBe(true);
    expect((await b.projects.toArray()).map((p) => p.code)).toEqual(['KEEP-1']);
    expect(await b.auditLog.count()).toBe(0);
    await expectNothingLeft(b);
  });

  it('a finished chunked restore holds every row of the backup and its audit entry', async () => {
    const a = fresh();
    await seed(a);
    await a.projects.bulkAdd(Array.from({ length: 7 }, (_, i) => project(`R-${i}`)));
    const backup = await exportBackup(a);
    const b = fresh();
    await b.projects.add(project('OLD-1'));
    const totals: [number, number][] = [];
    await replaceWithBackup(backup, { user: 't', database: b, chunkSize: 2, onProgress: (d, t) => totals.push([d, t]) });
    const r = await reopened(b);
    expect((await r.projects.toArray()).map((p) => p.code).sort()).toEqual((await a.projects.toArray()).map((p) => p.code).sort());
    expect(totals.at(-1)![0]).toBe(totals.at(-1)![1]);
    expect((await r.auditLog.toArray()).map((e) => e.action)).toEqual(['restore']);
  });

  it('carries this desktop\'s own rows over: sync settings, the outbox, records to review, the notification log', async () => {
    const a = fresh();
    await seed(a);
    await a.settings.put({ key: 'syncConfig', value: { url: 'https://a.example' } });
    const backup = await exportBackup(a);
    const b = fresh();
    await b.settings.bulkPut([{ key: 'syncConfig', value: { url: 'https://couch.example.ac.jp/gp' } }, { key: 'syncReplica', value: 'replica-b' }, { key: 'preferences', value: { userName: 'b' } }]);
    await b.syncOutbox.add({ table: 'projects', key: 'id-unsent' });
    await b.syncReview.put({ docId: 'project:x', items: [] });
    await b.notificationLog.put({ key: 'm1:2026-03-01', at: '2026-03-01T00:00:00Z' });
    await replaceWithBackup(backup, { user: 't', database: b });
    const r = await reopened(b);
    expect(await r.settings.get('syncConfig')).toEqual({ key: 'syncConfig', value: { url: 'https://couch.example.ac.jp/gp' } });
    expect(await r.settings.get('syncReplica')).toEqual({ key: 'syncReplica', value: 'replica-b' });
    expect(await r.settings.get('preferences')).toEqual({ key: 'preferences', value: { userName: '山田' } });
    expect(await r.syncOutbox.toArray()).toEqual([{ seq: 1, table: 'projects', key: 'id-unsent' }]);
    expect(await r.syncReview.count()).toBe(1);
    expect(await r.notificationLog.count()).toBe(1);
  });

  it('refuses to switch when the replaced data was written meanwhile, and deletes what it wrote', async () => {
    const { backup, b } = await backupOverKept(30, 'W');
    let edit: Promise<unknown> | null = null;
    const run = replaceWithBackup(backup, {
      user: 't', database: b, chunkSize: 1,
      // An edit saved on the page while the restore writes (outside the restore's transaction).
      onProgress: (done) => void (done === 1 && (edit = new Promise((ok) => setTimeout(ok)).then(() => b.projects.add(project('EDIT-1'))))),
    });
    await expect(run).rejects.toBeInstanceOf(ChangedDuringRestoreError);
    await edit;
    expect((await b.projects.toArray()).map((p) => p.code).sort()).toEqual(['EDIT-1', 'KEEP-1']);
    await expectNothingLeft(b);
  });

  it('deletes an unfinished restore\'s database, never the current one', async () => {
    const b = fresh();
    await b.projects.add(project('KEEP-1'));
    const unfinished = new GrantDatabase(newDatabaseName(b.name));
    await unfinished.open();
    unfinished.close();
    await discardUnfinishedRestore(unfinished.name);
    expect(await Dexie.getDatabaseNames()).not.toContain(unfinished.name);
    const done = new GrantDatabase(newDatabaseName(b.name));
    open.push(done);
    await done.open();
    await pointToDatabase(done.name);
    await discardUnfinishedRestore(done.name);
    expect(await Dexie.getDatabaseNames()).toContain(done.name);
  });
});

// Last in the file: the writer stays set for the app's database.
describe('the automatic backups\' writer', () => {
  it('writes the app database\'s snapshots through the writer the app set (its Worker), other databases in place', async () => {
    await appDb.projects.put(project('W-1'));
    const api = fakeApi();
    const fromWorker = [new TextEncoder().encode('{"from":'), new TextEncoder().encode('"worker"}')];
    setSnapshotWriter(async () => fromWorker);
    await takeSnapshot(api, 'manual', 5);
    expect(api.saved[0]!.bytes).toEqual(fromWorker);
    const other = fresh();
    await other.projects.put(project('W-2'));
    await takeSnapshot(api, 'manual', 5, other);
    const parsed = readBackupBytes(joinFileBytes(api.saved[1]!.bytes), other.verno);
    expect(parsed.ok && parsed.backup.tables.projects.map((p) => p.code)).toEqual(['W-2']);
    await appDb.delete();
  });
});

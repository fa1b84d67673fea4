// The store's side of sync on fake-indexeddb: with sync off nothing is recorded (the import included); turning it on
// queues every stored record once and from then every write in its own transaction; collecting pages through the
// queue and the audit log; a colleague's batch lands in one transaction, not queued back, counters kept, the colleague
// in the audit, the planning tables and "to review" included.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GrantDatabase, db as appDb } from '../../../renderer/store/db';
import { commitImport } from '../../../renderer/store/import-commit';
import { exportBackup, replaceWithBackup } from '../../../renderer/store/backup';
import { createStoreSyncPort, startSyncRecording, stopSyncRecording } from '../../../renderer/store/sync-port';
import type { StoredAuditEntry } from '../../../renderer/store/sync-port';
import { COUNTERS_KEY, readCounters } from '../../../shared/portfolio/status-counts';
import type { AuditEntry } from '../../../shared/domain/types';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { messyOfficeWorkbook } from '../../shared/excel/fixtures';
import { makeLine, makeProject } from '../../shared/portfolio/fixtures';

let n = 0;
const opened: GrantDatabase[] = [];
function freshDb(): GrantDatabase {
  const d = new GrantDatabase(`sync-port-${++n}`);
  opened.push(d);
  return d;
}
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

const entry = (entityId: string, user = 'me'): AuditEntry => ({
  at: '2026-04-01T00:00:00Z', user, entity: 'project', entityId, projectId: entityId, action: 'create', summary: `created ${entityId}`, before: null, after: null,
});

async function writeProject(d: GrantDatabase, id: string, patch = {}): Promise<void> {
  await d.transaction('rw', d.projects, d.auditLog, async () => {
    await d.projects.put(makeProject(id, patch));
    await d.auditLog.add(entry(id));
  });
}

describe('recording only while sync is on', () => {
  it('with sync off, writes (the Excel import too) record nothing; turning on queues each stored record once', async () => {
    await appDb.open();
    expect(appDb.syncRecording).toBe(false);
    const r = runImportPipeline(messyOfficeWorkbook(), { programs: BUILTIN_CATALOG.programs });
    if (!r.ok) throw new Error(r.message.en);
    await commitImport(r.result, { user: '山田', fileName: 'a.xlsx', chunkSize: 2 });
    await appDb.budgetLines.put(makeLine('x', 2025, 100));
    await appDb.researchers.put({ id: 'r1', name: '山田' } as never);
    expect(await appDb.syncOutbox.count()).toBe(0);
    // The import also stores the people its sheet names (researchers and their memberships).
    const stored = (await appDb.projects.count()) + (await appDb.budgetLines.count()) + (await appDb.milestones.count()) + (await appDb.researchers.count()) + (await appDb.memberships.count());

    const queued = await startSyncRecording(appDb);
    expect(queued).toBe(stored);
    const rows = await appDb.syncOutbox.toArray();
    expect(rows).toHaveLength(stored);
    // The outbox's counter starts at 1: not a single row was written (and removed) while sync was off.
    expect(rows[0]!.seq).toBe(1);
    expect((await appDb.settings.get('syncRecording'))?.value).toBe(true);

    await appDb.projects.put(makeProject('later'));
    expect(await appDb.syncOutbox.count()).toBe(stored + 1);

    await stopSyncRecording(appDb);
    expect(await appDb.syncOutbox.count()).toBe(0);
    await appDb.projects.put(makeProject('after-off'));
    expect(await appDb.syncOutbox.count()).toBe(0);
    await Promise.all(appDb.tables.map((t) => t.clear()));
  });

  it('a database reopened with sync on keeps recording', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    d.close();
    const again = new GrantDatabase(d.name);
    opened.push(again);
    await again.open();
    expect(again.syncRecording).toBe(true);
    await again.milestones.put({ id: 'm1', projectId: 'p1' } as never);
    expect(await again.syncOutbox.toArray()).toMatchObject([{ table: 'milestones', key: 'm1' }]);
  });
});

describe('store sync port: local changes', () => {
  it('collects each written record once in its latest state, with the audit entries, then nothing more', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    await writeProject(d, 'p1');
    await writeProject(d, 'p1', { title: 'second' });
    await d.budgetLines.put(makeLine('p1', 2025, 1_000));
    await d.settings.put({ key: 'planning', value: { x: 1 } });
    await d.settings.put({ key: 'preferences', value: { userName: 'me' } });
    const first = await port.collectLocalChanges(null, 100);
    expect(first.changes).toEqual([
      { kind: 'project', key: 'p1', record: makeProject('p1', { title: 'second' }) },
      { kind: 'budgetLine', key: 'p1-2025', record: makeLine('p1', 2025, 1_000) },
      { kind: 'settings', key: 'planning', record: { key: 'planning', value: { x: 1 } } },
    ]);
    expect(first.audit.map((a) => a.entityId)).toEqual(['p1', 'p1']);
    expect(first.more).toBe(false);
    const second = await port.collectLocalChanges(first.cursor, 100);
    expect(second).toEqual({ changes: [], audit: [], cursor: null, more: false });
    // Rows up to a cursor the engine came back with are done: the queue is emptied.
    expect(await d.syncOutbox.count()).toBe(0);
  });

  it('pages by the limit and reports more', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    for (const id of ['a', 'b', 'c']) await writeProject(d, id);
    const p1 = await port.collectLocalChanges(null, 2);
    expect(p1.changes.map((c) => c.key)).toEqual(['a', 'b']);
    expect(p1.more).toBe(true);
    const p2 = await port.collectLocalChanges(p1.cursor, 2);
    expect(p2.changes.map((c) => c.key)).toEqual(['c']);
    expect(p2.audit.map((a) => a.entityId)).toEqual(['c']);
    expect(p2.more).toBe(false);
  });

  it('queues removals, a whole-table clear (a restore) included, as records gone', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    await d.projects.bulkPut([makeProject('p1'), makeProject('p2')]);
    const c = (await port.collectLocalChanges(null, 100)).cursor;
    await d.projects.clear();
    const batch = await port.collectLocalChanges(c, 100);
    expect(batch.changes).toEqual([
      { kind: 'project', key: 'p1', record: null },
      { kind: 'project', key: 'p2', record: null },
    ]);
  });

  it('a restore written through a connection opened before sync was turned on (the backup Worker’s) is still queued', async () => {
    const source = freshDb();
    await source.projects.bulkPut([makeProject('r1'), makeProject('r2')]);
    const backup = await exportBackup(source);
    const page = freshDb();
    const worker = new GrantDatabase(page.name);
    await worker.open();
    expect(worker.syncRecording).toBe(false);
    await startSyncRecording(page);
    const port = createStoreSyncPort(page);
    const c = (await port.collectLocalChanges(null, 100)).cursor;
    const name = await replaceWithBackup(backup, { user: 'me', database: worker });
    worker.close();
    // The app reloads onto the restored database; its outbox goes on from the page's cursor.
    const reloaded = new GrantDatabase(name);
    opened.push(reloaded);
    const batch = await createStoreSyncPort(reloaded).collectLocalChanges(c, 100);
    expect(batch.changes.filter((x) => x.kind === 'project').map((x) => [x.key, x.record === null])).toEqual([
      ['r1', false],
      ['r2', false],
    ]);
  });

  it('a restore with sync on tells colleagues of every record it replaced: one the backup lacks goes as deleted', async () => {
    const source = freshDb();
    await source.projects.bulkPut([makeProject('kept'), makeProject('new')]);
    const backup = await exportBackup(source);
    const d = freshDb();
    await d.projects.bulkPut([makeProject('kept'), makeProject('gone')]);
    await startSyncRecording(d);
    const c = (await createStoreSyncPort(d).collectLocalChanges(null, 100)).cursor;
    const reloaded = new GrantDatabase(await replaceWithBackup(backup, { user: 'me', database: d }));
    opened.push(reloaded);
    await reloaded.open();
    expect(reloaded.syncRecording).toBe(true);
    const batch = await createStoreSyncPort(reloaded).collectLocalChanges(c, 100);
    expect(batch.changes.filter((x) => x.kind === 'project').map((x) => [x.key, x.record === null]).sort()).toEqual([
      ['gone', true],
      ['kept', false],
      ['new', false],
    ]);
  });

  it('a failed transaction queues nothing', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    await expect(
      d.transaction('rw', d.projects, async () => {
        await d.projects.put(makeProject('p1'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await port.collectLocalChanges(null, 100)).changes).toEqual([]);
  });
});

describe('store sync port: remote batches', () => {
  it('writes the colleague’s records and audit in one transaction, not queued back, counters kept, applied once', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    const before = readCounters((await d.settings.get(COUNTERS_KEY))?.value);
    const { seq: _s, ...synced } = { ...entry('p9', 'Bob (prefs name)'), seq: 0 };
    const batch = {
      records: [
        { kind: 'project' as const, key: 'p9', record: { ...makeProject('p9') }, removed: false, review: [], author: 'bob' },
        { kind: 'budgetLine' as const, key: 'p9-2025', record: { ...makeLine('p9', 2025, 500) }, removed: false, review: [], author: 'bob' },
        { kind: 'application' as const, key: 'a1', record: { id: 'a1', code: 'APP-1', status: 'submitted' }, removed: false, review: [], author: 'bob' },
        { kind: 'trackedCall' as const, key: 'c1', record: { id: 'c1', name: 'Call' }, removed: false, review: [], author: 'bob' },
        { kind: 'researcher' as const, key: 'r1', record: { id: 'r1', name: '山田' }, removed: false, review: [], author: 'bob' },
        { kind: 'membership' as const, key: 'm1', record: { id: 'm1', projectId: 'p9', researcherId: 'r1' }, removed: false, review: [], author: 'bob' },
      ],
      audit: [{ id: 'audit:rb:0000000001', author: 'bob', entry: synced }],
    };
    await port.applyRemoteBatch(batch);
    // Applied again (as after a crash before the engine saved its place): the same state, the entry once.
    await port.applyRemoteBatch(batch);
    expect(await d.projects.get('p9')).toEqual(makeProject('p9'));
    expect(await d.budgetLines.get('p9-2025')).toEqual(makeLine('p9', 2025, 500));
    expect(await d.applications.get('a1')).toMatchObject({ code: 'APP-1' });
    expect(await d.trackedCalls.get('c1')).toMatchObject({ name: 'Call' });
    expect(await d.researchers.get('r1')).toMatchObject({ name: '山田' });
    expect(await d.memberships.get('m1')).toMatchObject({ researcherId: 'r1' });
    const after = readCounters((await d.settings.get(COUNTERS_KEY))?.value);
    expect(after!.byStatus!.active).toBe(before!.byStatus!.active + 1);
    expect(after!.revision).toBeGreaterThan(before!.revision);
    const audit = (await d.auditLog.toArray()) as StoredAuditEntry[];
    expect(audit.map((a) => [a.user, a.syncId, a.entityId])).toEqual([['bob', 'audit:rb:0000000001', 'p9']]);
    // No echo: neither the records nor the colleague's audit entry go back out.
    expect(await d.syncOutbox.count()).toBe(0);
    expect(await port.collectLocalChanges(null, 100)).toMatchObject({ changes: [], audit: [] });
  });

  it('keeps records under review with both sides, and drops them once resolved', async () => {
    const d = freshDb();
    const port = createStoreSyncPort(d);
    const review = [{ field: 'directYen', sides: [{ value: 1, at: '000000000000001:000000:ra', by: 'alice' }, { value: 2, at: '000000000000002:000000:rb', by: 'bob' }] as [never, never] }];
    const line = { ...makeLine('p1', 2025, 2) };
    await port.applyRemoteBatch({ records: [{ kind: 'budgetLine', key: 'p1-2025', record: line, removed: false, review, author: 'bob' }], audit: [] });
    expect(await d.syncReview.toArray()).toEqual([{ docId: 'budgetLine:p1-2025', items: review }]);
    await port.applyRemoteBatch({ records: [{ kind: 'budgetLine', key: 'p1-2025', record: line, removed: false, review: [], author: 'alice' }], audit: [] });
    expect(await d.syncReview.count()).toBe(0);
  });

  it('a resolved review item is applied with an audit entry of its own, sent to the office, the record not queued back', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    const review = [{ field: 'directYen', sides: [{ value: 1, at: '000000000000001:000000:ra', by: 'alice' }, { value: 2, at: '000000000000002:000000:rb', by: 'bob' }] as [never, never] }];
    await port.applyRemoteBatch({ records: [{ kind: 'budgetLine', key: 'p1-2025', record: { ...makeLine('p1', 2025, 2) }, removed: false, review, author: 'bob' }], audit: [] });
    const drained = await port.collectLocalChanges(null, 100);
    await port.applyResolution({ kind: 'budgetLine', key: 'p1-2025', record: { ...makeLine('p1', 2025, 1) }, removed: false, review: [], author: 'alice' }, 'directYen');
    expect(await d.budgetLines.get('p1-2025')).toEqual(makeLine('p1', 2025, 1));
    expect(await d.syncReview.count()).toBe(0);
    const entries = (await d.auditLog.toArray()) as StoredAuditEntry[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: 'budget', entityId: 'p1-2025', projectId: 'p1', action: 'update', before: makeLine('p1', 2025, 2), after: makeLine('p1', 2025, 1) });
    expect(entries[0]!.summary).toContain('directYen');
    expect(entries[0]!.syncId).toBeUndefined();
    // The entry goes out as this desktop's own; the record does not (the engine already wrote its revision).
    const next = await port.collectLocalChanges(drained.cursor, 100);
    expect(next.changes).toEqual([]);
    expect(next.audit.map((a) => a.entityId)).toEqual(['p1-2025']);
  });

  it('applies a removal, and a failing record rolls the whole batch back', async () => {
    const d = freshDb();
    const port = createStoreSyncPort(d);
    await d.projects.bulkPut([makeProject('p1'), makeProject('p2')]);
    await port.applyRemoteBatch({ records: [{ kind: 'project', key: 'p1', record: { ...makeProject('p1') }, removed: true, review: [], author: 'bob' }], audit: [] });
    expect(await d.projects.get('p1')).toBeUndefined();
    // p3 takes p2's unique 管理番号: the batch fails as a whole and p4 is not written either.
    await expect(
      port.applyRemoteBatch({
        records: [
          { kind: 'project', key: 'p4', record: { ...makeProject('p4') }, removed: false, review: [], author: 'bob' },
          { kind: 'project', key: 'p3', record: { ...makeProject('p3', { code: makeProject('p2').code }) }, removed: false, review: [], author: 'bob' },
        ],
        audit: [],
      }),
    ).rejects.toThrow();
    expect(await d.projects.get('p4')).toBeUndefined();
  });

  it('a batch larger than one write request is still one transaction: counted once per record, all or nothing', async () => {
    const d = freshDb();
    await startSyncRecording(d);
    const port = createStoreSyncPort(d);
    await d.projects.bulkPut([makeProject('gone-1'), makeProject('gone-2')]);
    const before = readCounters((await d.settings.get(COUNTERS_KEY))?.value)!;
    const queued = await d.syncOutbox.count();
    const ids = Array.from({ length: 250 }, (_, i) => `q${i}`);
    const records = [
      ...ids.map((id) => ({ kind: 'project' as const, key: id, record: { ...makeProject(id) }, removed: false, review: [], author: 'bob' })),
      ...ids.map((id) => ({ kind: 'budgetLine' as const, key: `${id}-2025`, record: { ...makeLine(id, 2025, 100) }, removed: false, review: [], author: 'bob' })),
      ...['gone-1', 'gone-2'].map((id) => ({ kind: 'project' as const, key: id, record: { ...makeProject(id) }, removed: true, review: [], author: 'bob' })),
    ];
    await port.applyRemoteBatch({ records, audit: [] });
    expect(await d.projects.count()).toBe(250);
    expect(await d.budgetLines.count()).toBe(250);
    const after = readCounters((await d.settings.get(COUNTERS_KEY))?.value)!;
    expect(after.byStatus!.active).toBe(before.byStatus!.active + 250 - 2);
    expect(await d.syncOutbox.count()).toBe(queued);
    // The last record breaks a unique index after two hundred others were written: none of them stays.
    const more = Array.from({ length: 220 }, (_, i) => `r${i}`);
    await expect(
      port.applyRemoteBatch({
        records: [
          ...more.map((id) => ({ kind: 'project' as const, key: id, record: { ...makeProject(id) }, removed: false, review: [], author: 'bob' })),
          { kind: 'project' as const, key: 'dup', record: { ...makeProject('dup', { code: makeProject('q0').code }) }, removed: false, review: [], author: 'bob' },
        ],
        audit: [],
      }),
    ).rejects.toThrow();
    expect(await d.projects.count()).toBe(250);
    expect(readCounters((await d.settings.get(COUNTERS_KEY))?.value)).toEqual(after);
  });
});

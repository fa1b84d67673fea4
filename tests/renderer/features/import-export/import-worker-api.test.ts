// The import Worker's dry run and commit on fake-indexeddb, on the parse the Worker keeps: the commit writes what the
// store's import commit writes (one audit entry, the counters), reports progress up to its total, reads whether sync
// records inside its transaction (a Worker opens the database before sync may be turned on elsewhere), and refuses
// when it holds no parse; the dry run writes nothing and sends only the first changes. Through the page's client too,
// which tells the page's live sync after a commit made in the Worker and lets a commit under way finish when the
// screen closes.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_CATALOG } from '../../../../shared/catalog/builtin';
import type { Cell } from '../../../../shared/excel/sheetjs';
import { COUNTERS_KEY, readCounters } from '../../../../shared/portfolio/status-counts';
import { createImportWorkerApi } from '../../../../renderer/features/import-export/import-worker-api';
import { ImportClient } from '../../../../renderer/features/import-export/import-client';
import { DRY_RUN_SHOWN } from '../../../../renderer/features/import-export/worker-protocol';
import { SYNC_RECORDING_KEY, db, onSyncRecorded } from '../../../../renderer/store/db';
import { importCommittedElsewhere } from '../../../../renderer/store/import-commit';
import { FakeWorker } from '../../platform/fake-worker';
import { GOOD_ROW, officeSheet } from '../../../hostile/corpus';

const programs = BUILTIN_CATALOG.programs;

const row = (i: number): Cell[] => [`P-${i}`, `課題 ${i}`, '山田 太郎', '医学研究科', 'BINDS', 'R7.4.1〜R9.3.31', 1_000 + i, 300];
const rows = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => row(i));

async function stored() {
  return { projects: await db.projects.count(), budgetLines: await db.budgetLines.count(), milestones: await db.milestones.count(), audit: await db.auditLog.count() };
}

afterEach(async () => {
  db.syncRecording = false;
  await Promise.all([db.projects.clear(), db.budgetLines.clear(), db.milestones.clear(), db.auditLog.clear(), db.researchers.clear(), db.memberships.clear(), db.syncOutbox.clear(), db.settings.delete(SYNC_RECORDING_KEY)]);
});

describe('the import Worker: dry run and commit', () => {
  it('commits its last parse: every row, one audit entry, the counters, progress up to the total', async () => {
    const api = createImportWorkerApi();
    const head = api.load(officeSheet(rows(12)), 'ledger.xlsx', programs, []);
    if (!head.ok) throw new Error(head.message.en);
    const progress: [number, number][] = [];
    const summary = await api.commit('山田', 'ledger.xlsx', (d, t) => progress.push([d, t]));
    expect(summary).toMatchObject({ added: 12, updated: 0, budgetLinesWritten: head.counts.budgetLines });
    expect(await stored()).toEqual({ projects: 12, budgetLines: head.counts.budgetLines, milestones: head.counts.milestones, audit: 1 });
    expect(await db.auditLog.toCollection().first()).toMatchObject({ entity: 'import', entityId: 'ledger.xlsx', user: '山田' });
    expect(progress.at(-1)).toEqual([13, 13]);
    expect(readCounters((await db.settings.get(COUNTERS_KEY))?.value)?.byStatus).toMatchObject({ active: 12 });
    // The same parse again changes nothing.
    expect(await api.commit('山田', 'ledger.xlsx', () => undefined)).toMatchObject({ added: 0, unchanged: 12 });
  });

  it('dry-runs without writing and sends only the first changes, with how many more there are', async () => {
    const api = createImportWorkerApi();
    const head = api.load(officeSheet(rows(DRY_RUN_SHOWN + 5)), 'big.xlsx', programs, []);
    if (!head.ok) throw new Error(head.message.en);
    const view = await api.dryRun();
    expect(view?.summary).toMatchObject({ added: DRY_RUN_SHOWN + 5 });
    expect(view?.shown).toHaveLength(DRY_RUN_SHOWN);
    expect(view?.shown[0]).toMatchObject({ code: 'P-0', action: 'add' });
    expect(view?.more).toBe(5);
    expect(await stored()).toEqual({ projects: 0, budgetLines: 0, milestones: 0, audit: 0 });
  });

  it('refuses to commit or dry-run when it holds no parse (a Worker started again), writing nothing', async () => {
    const api = createImportWorkerApi();
    expect(await api.dryRun()).toBeNull();
    await expect(api.commit('', 'x.xlsx', () => undefined)).rejects.toThrow(/もう一度ファイルを選んでください/);
    expect(await stored()).toEqual({ projects: 0, budgetLines: 0, milestones: 0, audit: 0 });
  });

  it('records the import for sync when sync was turned on after this context opened the database', async () => {
    await db.open();
    // Sync turned on in another context (the page) after the Worker's database read the flag.
    await db.settings.put({ key: SYNC_RECORDING_KEY, value: true });
    expect(db.syncRecording).toBe(false);
    const api = createImportWorkerApi();
    api.load(officeSheet([GOOD_ROW]), 'one.xlsx', programs, []);
    await api.commit('', 'one.xlsx', () => undefined);
    const project = await db.projects.where('code').equals(GOOD_ROW[0] as string).first();
    const outbox = await db.syncOutbox.toArray();
    expect(outbox).toContainEqual(expect.objectContaining({ table: 'projects', key: project!.id }));
    expect(outbox.filter((r) => r.table === 'budgetLines')).toHaveLength(await db.budgetLines.count());
  });
});

const started: ImportWorker[] = [];

class ImportWorker extends FakeWorker {
  constructor(readonly url: URL) {
    super(createImportWorkerApi());
    started.push(this);
  }
}

describe('ImportClient: dry run and commit in the Worker', () => {
  beforeEach(() => vi.stubGlobal('Worker', ImportWorker));
  afterEach(() => vi.unstubAllGlobals());

  it('commits the records the Worker holds (none cross to the page), with the job reporting progress', async () => {
    const client = new ImportClient();
    const loaded = await client.load(officeSheet(rows(3)), 'three.xlsx', programs, []);
    if (!loaded.ok) throw new Error(loaded.message.en);
    expect((await client.dryRun())?.summary).toMatchObject({ added: 3 });
    const progress: number[] = [];
    const summary = await client.commit('u', 'three.xlsx', { signal: new AbortController().signal, progress: (d) => progress.push(d) });
    expect(summary).toMatchObject({ added: 3 });
    expect(await db.projects.count()).toBe(3);
    expect(progress.at(-1)).toBe(4);
    client.terminate();
  });

  it('lets a commit under way finish when the screen closes, then ends the Worker', async () => {
    const client = new ImportClient();
    await client.load(officeSheet(rows(3)), 'three.xlsx', programs, []);
    const committing = client.commit('u', 'three.xlsx', { signal: new AbortController().signal, progress: () => undefined });
    client.release();
    expect(await committing).toMatchObject({ added: 3 });
    expect(await db.projects.count()).toBe(3);
    await vi.waitFor(() => expect(started.at(-1)!.terminated).toBe(true));
    // With nothing under way, closing ends the Worker at once.
    const idle = new ImportClient();
    await idle.load(officeSheet(rows(1)), 'one.xlsx', programs, []);
    idle.release();
    expect(started.at(-1)!.terminated).toBe(true);
  });

  it('rejects a commit cancelled before it starts as cancelled, and writes nothing', async () => {
    const client = new ImportClient();
    await client.load(officeSheet(rows(3)), 'three.xlsx', programs, []);
    const controller = new AbortController();
    controller.abort();
    await expect(client.commit('u', 'three.xlsx', { signal: controller.signal, progress: () => undefined })).rejects.toMatchObject({ reason: 'cancelled' });
    expect(await db.projects.count()).toBe(0);
    client.terminate();
  });
});

describe('importCommittedElsewhere', () => {
  it("tells this page's sync listeners of a Worker's recorded changes only while sync is on", async () => {
    const heard: number[] = [];
    const off = onSyncRecorded(() => heard.push(1));
    db.syncRecording = false;
    importCommittedElsewhere();
    expect(heard).toHaveLength(0);
    db.syncRecording = true;
    importCommittedElsewhere();
    expect(heard).toHaveLength(1);
    off();
  });
});

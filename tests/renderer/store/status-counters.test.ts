// The stored counts by status against the projects themselves, after every kind of write the app makes (edits,
// trash, restore from trash, purge, undo, imports that add and update, a backup restore, raw table writes, a failed
// transaction), plus the recount of a database without the row and the revision that export readers compare.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { Dexie, countWritesAs, db, GrantDatabase } from '../../../renderer/store/db';
import { recountStatuses, readPortfolioCounters } from '../../../renderer/store/status-counters';
import { blankProjectInput, deleteProject, deleteProjects, purgeTrash, restoreProject, saveProject } from '../../../renderer/store/projects';
import type { ProjectInput } from '../../../renderer/store/projects';
import { undoLast } from '../../../renderer/store/audit';
import { saveBudgetLine } from '../../../renderer/store/budgets';
import { commitImport } from '../../../renderer/store/import-commit';
import { exportBackup, restoreBackup } from '../../../renderer/store/backup';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { COUNTERS_KEY, countByStatus, readCounters } from '../../../shared/portfolio/status-counts';
import type { DesktopApi } from '../../../shared/api/desktop-api';
import type { Project } from '../../../shared/domain/types';
import { messyOfficeWorkbook } from '../../shared/excel/fixtures';

function input(code: string, patch: Partial<ProjectInput> = {}): ProjectInput {
  return { ...blankProjectInput(), code, title: `課題 ${code}`, funderName: 'AMED', startDate: '2025-04-01', endDate: '2028-03-31', status: 'active', ...patch };
}

async function saved(code: string, patch: Partial<ProjectInput> = {}): Promise<Project> {
  const r = await saveProject(input(code, patch));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.project;
}

/** The stored counts must equal a count of the rows themselves. */
async function expectTrue(database: GrantDatabase = db) {
  const stored = readCounters((await database.settings.get(COUNTERS_KEY))?.value);
  expect(stored?.byStatus).toEqual(countByStatus(await database.projects.toArray()));
}

const fakeApi = {
  saveSnapshot: async (r: { fileName: string }) => ({ saved: true, location: r.fileName }),
  listSnapshots: async () => [],
  readSnapshot: async () => null,
} as unknown as DesktopApi;

beforeEach(async () => {
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
  await recountStatuses(true);
});

const others: GrantDatabase[] = [];
afterAll(async () => {
  for (const d of others) await d.delete();
});

describe('portfolio counters', () => {
  it('a new database starts with zero counts and revision 0', async () => {
    const d = new GrantDatabase('counters-new');
    others.push(d);
    await d.open();
    expect(readCounters((await d.settings.get(COUNTERS_KEY))?.value)).toEqual({
      revision: 0,
      byStatus: { applying: 0, active: 0, completed: 0, terminated: 0 },
      written: { epoch: expect.any(String) as string, at: { projects: 0, budgetLines: 0, milestones: 0 } },
    });
  });

  it('follow edits, status changes, the trash, restores from it, purges and undo', async () => {
    const a = await saved('A-1');
    const b = await saved('B-1', { status: 'applying' });
    await saved('C-1', { status: 'completed' });
    expect((await readPortfolioCounters())?.byStatus).toEqual({ applying: 1, active: 1, completed: 1, terminated: 0 });
    const r = await saveProject(input('B-1', { status: 'terminated' }), { id: b.id });
    expect(r.ok).toBe(true);
    await expectTrue();
    await deleteProject(a.id, new Date('2020-01-01T00:00:00Z'));
    expect((await readPortfolioCounters())?.byStatus?.active).toBe(0);
    await restoreProject(a.id);
    await expectTrue();
    await deleteProjects([a.id, b.id], new Date('2020-01-01T00:00:00Z'));
    await expectTrue();
    await undoLast();
    await expectTrue();
    expect((await readPortfolioCounters())?.byStatus).toEqual({ applying: 0, active: 1, completed: 1, terminated: 1 });
    await deleteProject(a.id, new Date('2020-01-01T00:00:00Z'));
    expect(await purgeTrash(new Date())).toBe(1);
    await expectTrue();
    await saveProject(input('E-1', { status: 'applying' }));
    await undoLast();
    await expectTrue();
  });

  it('follow an import that adds and then updates, and count the revision once per transaction', async () => {
    const parse = () => {
      const r = runImportPipeline(messyOfficeWorkbook(), { programs: BUILTIN_CATALOG.programs });
      if (!r.ok) throw new Error(r.message.en);
      return r.result;
    };
    const rev0 = (await readPortfolioCounters())!.revision;
    await commitImport(parse(), { user: '', fileName: 'a.xlsx', chunkSize: 2 });
    await expectTrue();
    expect((await readPortfolioCounters())!.revision).toBe(rev0 + 1);
    const again = parse();
    again.projects.forEach((p) => (p.fields.status = 'completed'));
    await commitImport(again, { user: '', fileName: 'b.xlsx', chunkSize: 2 });
    await expectTrue();
    const counts = (await readPortfolioCounters())!.byStatus!;
    expect(counts.completed).toBe(await db.projects.count());
    // A budget line alone moves the revision (exports compare it) but no count.
    const p = (await db.projects.toCollection().first())!;
    await saveBudgetLine(p.id, 2025, 1_000_000, 300_000);
    expect(await readPortfolioCounters()).toMatchObject({ revision: rev0 + 3, byStatus: counts });
    // Importing the code of a project in the trash brings it back, and it counts again.
    await deleteProject(p.id);
    expect((await readPortfolioCounters())!.byStatus!.completed).toBe(counts.completed - 1);
    await commitImport(again, { user: '', fileName: 'c.xlsx', chunkSize: 2 });
    await expectTrue();
    expect((await readPortfolioCounters())!.byStatus!.completed).toBe(counts.completed);
    expect(await db.projects.get(p.id)).toMatchObject({ deletedAt: null });
  });

  it('store a transaction’s declared delta (countWritesAs) as it stands after its last write, without per-write counting', async () => {
    await saved('A-1');
    const before = (await readPortfolioCounters())!;
    const template = (await db.projects.toCollection().first())!;
    await db.transaction('rw', [db.projects, db.settings], async () => {
      const delta = { applying: 0, active: 0, completed: 0, terminated: 0 };
      countWritesAs(Dexie.currentTransaction!, delta);
      const first = db.projects.bulkPut([{ ...template, id: 'n1', code: 'N-1' }]);
      delta.active += 1; // added after the write was queued, before it completes (as the import's plan does)
      await first;
      const second = db.projects.bulkPut([{ ...template, id: 'n2', code: 'N-2' }]);
      // Declared on purpose as something the rows do not say, to show whose numbers are stored.
      delta.terminated += 5;
      await second;
    });
    const after = (await readPortfolioCounters())!;
    expect(after.revision).toBe(before.revision + 1);
    expect(after.byStatus).toEqual({ ...before.byStatus!, active: before.byStatus!.active + 1, terminated: before.byStatus!.terminated + 5 });
  });

  it('leave the row untouched when a transaction fails', async () => {
    await saved('A-1');
    const before = await readPortfolioCounters();
    await expect(
      db.transaction('rw', db.projects, async () => {
        await db.projects.add({ ...(await db.projects.toCollection().first())!, id: 'other', code: 'Z-9', status: 'applying' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await readPortfolioCounters()).toEqual(before);
    await expectTrue();
  });

  it('follow raw table writes, a clear, and go unknown after a partial range delete', async () => {
    const a = await saved('A-1');
    await db.projects.bulkPut([{ ...a, status: 'completed' }, { ...a, id: 'x2', code: 'X-2', deletedAt: '2025-01-01T00:00:00Z' }]);
    await expectTrue();
    await db.projects.update('x2', { deletedAt: null });
    await expectTrue();
    await db.projects.where(':id').between('a', 'w').delete();
    expect((await readPortfolioCounters())?.byStatus).toBeNull();
    expect(await recountStatuses()).toEqual(countByStatus(await db.projects.toArray()));
    await expectTrue();
    await db.projects.clear();
    expect((await readPortfolioCounters())?.byStatus).toEqual({ applying: 0, active: 0, completed: 0, terminated: 0 });
  });

  it('are recounted for a database that has no row (made before the counters)', async () => {
    await saved('A-1');
    await saved('B-1', { status: 'completed' });
    await db.settings.delete(COUNTERS_KEY);
    expect(await readPortfolioCounters()).toBeNull();
    expect(await recountStatuses()).toEqual({ applying: 0, active: 1, completed: 1, terminated: 0 });
    await expectTrue();
  });

  it('are recomputed by a backup restore, and backups neither carry nor restore the row', async () => {
    await saved('A-1');
    await saved('B-1', { status: 'terminated' });
    const backup = await exportBackup(db);
    expect(backup.tables.settings.some((r) => (r as { key: string }).key === COUNTERS_KEY)).toBe(false);
    const d = new GrantDatabase('counters-restore');
    others.push(d);
    await d.projects.add({ ...(await db.projects.toCollection().first())!, id: 'old', code: 'OLD', status: 'applying' });
    const bogus = { ...backup, tables: { ...backup.tables, settings: [...backup.tables.settings, { key: COUNTERS_KEY, value: { revision: 99, byStatus: { applying: 7, active: 7, completed: 7, terminated: 7 } } }] } };
    const restored = new GrantDatabase(await restoreBackup(bogus, { api: fakeApi, keep: 5, user: 't', database: d }));
    others.push(restored);
    await expectTrue(restored);
    expect(readCounters((await restored.settings.get(COUNTERS_KEY))?.value)?.byStatus).toEqual({ applying: 0, active: 1, completed: 0, terminated: 1 });
  });
});

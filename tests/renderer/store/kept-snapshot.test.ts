// The snapshot a Worker keeps (the Reports Worker's tables, the export's rows read ahead), on fake-indexeddb: reused
// while the store's revision stays put, read again exactly when a write to projects, budget lines or milestones moved
// it, and every time when the revision is unknown; a write landing between the pages of a read is never kept as current.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../renderer/store/projects';
import { saveBudgetLine } from '../../../renderer/store/budgets';
import { setMilestonesStatus } from '../../../renderer/store/milestones';
import { reportTables } from '../../../renderer/store/report-data';
import { readTableWithRevision } from '../../../renderer/store/import-export-data';
import { KeptSnapshot, KeptTables, readRevision, readUnchanged } from '../../../renderer/store/kept-snapshot';
import { READ_PAGE, readInPages } from '../../../renderer/store/paged-read';
import { COUNTERS_KEY } from '../../../shared/portfolio/status-counts';

/** The three big tables as one snapshot with the revision (what a KeptSnapshot keeps). */
async function readCore() {
  const { value: [projects, budgetLines, milestones], counters } = await readUnchanged(() => Promise.all([readInPages(db.projects), readInPages(db.budgetLines), readInPages(db.milestones)]));
  return { projects, budgetLines, milestones, revision: counters?.revision };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function twoProjects() {
  const a = await saveProject({ ...blankProjectInput(), code: 'A', title: 'A', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  const b = await saveProject({ ...blankProjectInput(), code: 'B', title: 'B', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  if (!a.ok || !b.ok) throw new Error('save failed');
  return [a.project, b.project] as const;
}

describe('KeptSnapshot', () => {
  it('keeps its snapshot until a write to projects, budget lines or milestones, then reads the stored rows', async () => {
    const [a] = await twoProjects();
    let reads = 0;
    const kept = new KeptSnapshot(readCore, () => reads++);
    const first = await kept.current();
    expect(await kept.current()).toBe(first);
    expect(reads).toBe(1);

    await saveBudgetLine(a.id, 2025, 1_000_000, 300_000);
    const afterBudget = await kept.current();
    expect(afterBudget).not.toBe(first);
    expect(afterBudget.budgetLines.map((l) => l.directYen)).toEqual([1_000_000]);
    expect(reads).toBe(2);

    const milestone = { id: 'm1', projectId: a.id, kind: 'other' as const, title: 'x', dueDate: '2026-01-01', status: 'planned' as const, doneDate: null, notes: '', origin: 'user' as const };
    await db.milestones.add(milestone);
    const afterAdd = await kept.current();
    expect(afterAdd.milestones.map((m) => m.status)).toEqual(['planned']);
    await setMilestonesStatus(['m1'], 'done');
    expect((await kept.current()).milestones.map((m) => m.status)).toEqual(['done']);
    expect(reads).toBe(4);
  });

  it('reads every time when the revision is unknown (no counters row)', async () => {
    await twoProjects();
    let reads = 0;
    const kept = new KeptSnapshot(readCore, () => reads++);
    await db.settings.clear();
    expect(await readRevision()).toBeUndefined();
    const first = await kept.current();
    const second = await kept.current();
    expect(second).not.toBe(first);
    expect(reads).toBe(2);
  });

  it('keeps one table of the export until any of the three tables is written', async () => {
    const [a] = await twoProjects();
    const kept = new KeptSnapshot(() => readTableWithRevision('projects'));
    const first = await kept.current();
    expect(await kept.current()).toBe(first);
    // A budget line is another table, but the rows kept for the export must all come from one revision.
    await saveBudgetLine(a.id, 2025, 1_000_000, 300_000);
    const after = await kept.current();
    expect(after).not.toBe(first);
    expect(after.revision).toBe(await readRevision());
  });

  it('reads again when a write lands during a paged read, and keeps only a read no write landed in', async () => {
    const [a] = await twoProjects();
    let tries = 0;
    let written = 0;
    const readWithWrite = (writes: number) => async () => {
      const rows = await readInPages(db.projects, { pageSize: 1 });
      // A write after this read's pages, before its second revision read (each write a new amount, so each moves it).
      if (tries++ < writes) await saveBudgetLine(a.id, 2025, 1_000 * ++written, 300);
      return rows;
    };
    const once = await readUnchanged(readWithWrite(1));
    expect(tries).toBe(2);
    expect(once.counters?.revision).toBe(await readRevision());

    // Writes in every try: the rows come without a revision, so a KeptSnapshot reads again on the next call.
    tries = 0;
    let reads = 0;
    const kept = new KeptSnapshot(async () => {
      const { value, counters } = await readUnchanged(readWithWrite(Infinity));
      return { rows: value, revision: counters?.revision };
    }, () => reads++);
    const first = await kept.current();
    expect(first.revision).toBeUndefined();
    expect(tries).toBe(3);
    expect(await kept.current()).not.toBe(first);
    expect(reads).toBe(2);
  });

  it('a save issued while the export reads a table ahead commits meanwhile, and the kept rows then hold it', async () => {
    const [a] = await twoProjects();
    // More than one page, so the save is taken between pages.
    await db.projects.bulkAdd(Array.from({ length: READ_PAGE + 10 }, (_, i) => ({ ...a, id: `bulk-${i}`, code: `BULK-${i}` })));
    const kept = new KeptSnapshot(() => readTableWithRevision('projects'));
    const order: string[] = [];
    const reading = kept.current().then((s) => {
      order.push('read');
      return s;
    });
    // The save's write itself (saveProject reads other tables before it): through the store, so the revision moves.
    const saving = db.projects.put({ ...a, title: 'renamed' }).then(() => void order.push('save'));
    const [snapshot] = await Promise.all([reading, saving]);
    expect(order).toEqual(['save', 'read']);
    expect(snapshot.revision).toBe(await readRevision());
    expect(snapshot.rows.find((p) => p.id === a.id)?.title).toBe('renamed');
    expect(await kept.current()).toBe(snapshot);
  });
});

/** The report's table readers, each noting its table in `reads` when called. */
const countingReads = (reads: string[]) => Object.fromEntries(Object.entries(reportTables).map(([t, read]) => [t, () => (reads.push(t), read())])) as typeof reportTables;

describe('KeptTables', () => {
  it('reads again only the tables written since its read, and nothing while the revision stays put', async () => {
    const [a] = await twoProjects();
    // The counters row was cleared with the tables: a table counts as known once written since (budget lines below).
    await db.milestones.add({ id: 'm1', projectId: a.id, kind: 'other', title: 'x', dueDate: '2026-01-01', status: 'planned', doneDate: null, notes: '', origin: 'user' });
    const reads: string[] = [];
    let cleared = 0;
    const counted = countingReads(reads);
    const kept = new KeptTables(counted, () => cleared++);
    const first = await kept.current();
    expect(reads.sort()).toEqual(['budgetLines', 'milestones', 'projects']);
    expect(first.counters?.revision).toBe(await readRevision());
    expect(await kept.current()).toEqual(first);
    expect(reads).toHaveLength(3);

    reads.length = 0;
    await saveBudgetLine(a.id, 2025, 1_000_000, 300_000);
    const afterBudget = await kept.current();
    expect(reads).toEqual(['budgetLines']);
    expect(afterBudget).not.toBe(first);
    expect(afterBudget.values.budgetLines.map((l) => l.directYen)).toEqual([1_000_000]);
    // The tables not written are the same objects as before (what was built from them can tell).
    expect(afterBudget.values.projects).toBe(first.values.projects);
    expect(afterBudget.values.milestones).toBe(first.values.milestones);
    expect(cleared).toBe(2);

    reads.length = 0;
    await setMilestonesStatus(['m1'], 'done');
    const afterMilestones = await kept.current();
    expect(reads).toEqual(['milestones']);
    expect(afterMilestones.values.milestones.map((m) => m.status)).toEqual(['done']);
    expect(afterMilestones.values.budgetLines).toBe(afterBudget.values.budgetLines);
  });

  it('reads every table again when the counters carry no per-table revisions (a row from before them)', async () => {
    const [a] = await twoProjects();
    const reads: string[] = [];
    const counted = countingReads(reads);
    const kept = new KeptTables(counted);
    await kept.current();
    const row = await db.settings.get(COUNTERS_KEY);
    await db.settings.put({ key: COUNTERS_KEY, value: { ...(row!.value as object), written: undefined } });
    reads.length = 0;
    await saveBudgetLine(a.id, 2025, 7, 1);
    const again = await kept.current();
    expect(reads.sort()).toEqual(['budgetLines', 'milestones', 'projects']);
    expect(again.values.budgetLines).toHaveLength(1);
  });

  it('reads a table again when a write to it lands during its read, and never keeps what it read then', async () => {
    const [a] = await twoProjects();
    let writeDuring = true;
    const tables = {
      ...reportTables,
      budgetLines: async () => {
        const rows = await reportTables.budgetLines();
        if (writeDuring) {
          writeDuring = false;
          await saveBudgetLine(a.id, 2026, 5, 1);
        }
        return rows;
      },
    };
    const kept = new KeptTables(tables);
    const got = await kept.current();
    expect(got.values.budgetLines.map((l) => l.fiscalYear)).toEqual([2026]);
    expect(got.counters?.revision).toBe(await readRevision());
  });
});

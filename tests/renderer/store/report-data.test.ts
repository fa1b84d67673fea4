// The Reports Worker's read on fake-indexeddb: the big tables in one snapshot with the store's revision, which moves
// with a write and stays put otherwise.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, deleteProject, saveProject } from '../../../renderer/store/projects';
import { saveBudgetLine } from '../../../renderer/store/budgets';
import { reportTables } from '../../../renderer/store/report-data';
import { KeptTables } from '../../../renderer/store/kept-snapshot';
import { readRevision } from '../../../renderer/store/kept-snapshot';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function twoProjects() {
  const a = await saveProject({ ...blankProjectInput(), code: 'A', title: 'A', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  const b = await saveProject({ ...blankProjectInput(), code: 'B', title: 'B', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  if (!a.ok || !b.ok) throw new Error('save failed');
  return [a.project, b.project] as const;
}

describe('report data', () => {
  it('reads the big tables with the revision, which moves only with a write', async () => {
    const [a, b] = await twoProjects();
    await saveBudgetLine(a.id, 2025, 1_000_000, 300_000);
    await deleteProject(b.id);
    const { values: d, counters } = await new KeptTables(reportTables).current();
    // The trash is read too (the reports leave it out themselves).
    expect(d.projects.map((p) => p.code).sort()).toEqual(['A', 'B']);
    expect(d.budgetLines).toHaveLength(1);
    expect(counters?.revision).toBeTypeOf('number');
    expect(await readRevision()).toBe(counters?.revision);
    await saveBudgetLine(a.id, 2026, 2_000_000, 600_000);
    expect(await readRevision()).toBeGreaterThan(counters!.revision);
  });
});

// The Reports Worker's reads on fake-indexeddb: the big tables in one snapshot with the store's revision, which moves
// with a write and stays put otherwise, and the kept snapshot (kept-snapshot.ts) read again exactly when it moved.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, deleteProject, saveProject } from '../../../renderer/store/projects';
import { saveBudgetLine } from '../../../renderer/store/budgets';
import { readReportCore } from '../../../renderer/store/report-data';
import { KeptSnapshot, readRevision } from '../../../renderer/store/kept-snapshot';
import { setMilestonesStatus } from '../../../renderer/store/milestones';

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
    const d = await readReportCore();
    // The trash is read too (the reports leave it out themselves).
    expect(d.projects.map((p) => p.code).sort()).toEqual(['A', 'B']);
    expect(d.budgetLines).toHaveLength(1);
    expect(d.revision).toBeTypeOf('number');
    expect(await readRevision()).toBe(d.revision);
    await saveBudgetLine(a.id, 2026, 2_000_000, 600_000);
    expect(await readRevision()).toBeGreaterThan(d.revision!);
  });

  it('keeps its snapshot until a write to projects, budget lines or milestones, then reads the stored rows', async () => {
    const [a] = await twoProjects();
    let reads = 0;
    const kept = new KeptSnapshot(readReportCore, () => reads++);
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
    const kept = new KeptSnapshot(readReportCore, () => reads++);
    await db.settings.clear();
    expect(await readRevision()).toBeUndefined();
    const first = await kept.current();
    const second = await kept.current();
    expect(second).not.toBe(first);
    expect(reads).toBe(2);
  });
});

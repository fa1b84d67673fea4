// The Dashboard's overdue count (deadline-queries.ts, countOverdue): kept with the store's revision and shared with the
// Deadlines views. A file of its own: the kept counts and the noted writes are module state, so it starts with none.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../../shared/domain/types';
import { addDays } from '../../../shared/calendar/fiscal-year';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../renderer/store/projects';
import { countOverdue, loadDeadlineView } from '../../../renderer/store/deadline-queries';
import { setMilestonesStatus } from '../../../renderer/store/milestones';
import { makeMilestone } from '../../shared/portfolio/fixtures';

const TODAY = '2026-12-02';

let seq = 0;
const item = (projectId: string, dueDate: string, status: Milestone['status'] = 'planned'): Milestone =>
  makeMilestone(`m-${String(seq++).padStart(5, '0')}`, projectId, { kind: 'internal', dueDate, status, doneDate: status === 'planned' ? null : dueDate });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('countOverdue', () => {
  it('walks the overdue range once per revision, shares it with the views, and is right after writes', async () => {
    const r = await saveProject({ ...blankProjectInput(), code: 'A', title: 'A', startDate: '2025-04-01', endDate: '2029-03-31', status: 'active' });
    if (!r.ok) throw new Error('save failed');
    const a = r.project.id;
    const late = item(a, addDays(TODAY, -1));
    await db.milestones.bulkAdd([late, item(a, addDays(TODAY, -40)), item(a, TODAY), item(a, addDays(TODAY, -5), 'done'), item(a, addDays(TODAY, -3))]);
    const count = vi.spyOn(Object.getPrototypeOf(db.milestones.toCollection()) as { count: () => Promise<number> }, 'count');
    try {
      expect(await countOverdue(TODAY)).toBe(3);
      expect(count).toHaveBeenCalledTimes(1);
      // Another Dashboard visit and the Deadlines screen's overdue view, nothing written since: no walk.
      expect(await countOverdue(TODAY)).toBe(3);
      expect((await loadDeadlineView(TODAY, 'overdue', 2)).total).toBe(3);
      expect(count).toHaveBeenCalledTimes(1);
      // An add (not noted: counted again) and a mark done (noted: moved), each seen.
      await db.milestones.add(item(a, addDays(TODAY, -2)));
      expect(await countOverdue(TODAY)).toBe(4);
      await setMilestonesStatus([late.id], 'done', TODAY);
      expect(await countOverdue(TODAY)).toBe(3);
      // Tomorrow's count is another range: today's item is overdue then.
      expect(await countOverdue(addDays(TODAY, 1))).toBe(4);
    } finally {
      count.mockRestore();
    }
  });
});

// The Dashboard's summary read, now in the store: one snapshot with the counters, the overdue count through the
// [status+dueDate] index (open items due before today only), and the milestone facts instead of every milestone.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { dashboardTables, readDashboardSmall } from '../../../renderer/store/dashboard-data';
import { KeptTables } from '../../../renderer/store/kept-snapshot';
import { recountStatuses } from '../../../renderer/store/status-counters';
import { countByStatus } from '../../../shared/portfolio/status-counts';
import { makeLine, makeMilestone, makeProject } from '../../shared/portfolio/fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await recountStatuses(true);
});

describe('dashboardTables and readDashboardSmall', () => {
  it('reads projects with matching counters, budget lines, milestone facts and the overdue count', async () => {
    await db.projects.bulkAdd([makeProject('a'), makeProject('b', { status: 'applying' }), makeProject('t', { deletedAt: '2025-01-01T00:00:00Z' })]);
    await db.budgetLines.bulkAdd([makeLine('a', 2025, 1000)]);
    await db.milestones.bulkAdd([
      makeMilestone('late', 'a', { kind: 'stage-gate', dueDate: '2025-11-01' }),
      makeMilestone('today', 'a', { dueDate: '2025-11-28' }),
      makeMilestone('done', 'b', { dueDate: '2025-10-01', status: 'done' }),
    ]);
    const { values, counters } = await new KeptTables(dashboardTables).current();
    const d = { ...values, milestoneFacts: values.milestones, counters, ...(await readDashboardSmall('2025-11-28')) };
    expect(d.projects.map((p) => p.id).sort()).toEqual(['a', 'b', 't']);
    expect(d.counters?.byStatus).toEqual(countByStatus(d.projects));
    expect(d.budgetLines).toHaveLength(1);
    expect(d.overdue).toBe(1);
    expect(d.milestoneFacts.stageGates.map((m) => m.id)).toEqual(['late']);
    expect([...d.milestoneFacts.projectsWithMilestones].sort()).toEqual(['a', 'b']);
  });
});

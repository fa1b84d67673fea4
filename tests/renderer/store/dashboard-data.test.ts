// What the Dashboard's summary reads for every request: the overdue count through the [status+dueDate] index (open
// items due before today only). Its big tables are the reports Worker's (tests/renderer/workers/reports-model.test.ts).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { readDashboardSmall } from '../../../renderer/store/dashboard-data';
import { recountStatuses } from '../../../renderer/store/status-counters';
import { makeLine, makeMilestone, makeProject } from '../../shared/portfolio/fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await recountStatuses(true);
});

describe('readDashboardSmall', () => {
  it('counts the open milestones due before today', async () => {
    await db.projects.bulkAdd([makeProject('a'), makeProject('b', { status: 'applying' }), makeProject('t', { deletedAt: '2025-01-01T00:00:00Z' })]);
    await db.budgetLines.bulkAdd([makeLine('a', 2025, 1000)]);
    await db.milestones.bulkAdd([
      makeMilestone('late', 'a', { kind: 'stage-gate', dueDate: '2025-11-01' }),
      makeMilestone('today', 'a', { dueDate: '2025-11-28' }),
      makeMilestone('done', 'b', { dueDate: '2025-10-01', status: 'done' }),
    ]);
    const d = await readDashboardSmall('2025-11-28');
    expect(d.overdue).toBe(1);
    expect(d.applications).toEqual([]);
  });
});

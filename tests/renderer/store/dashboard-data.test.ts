// What the Dashboard's summary reads for every request: the small planning tables. Its big tables are the reports
// Worker's (tests/renderer/workers/reports-model.test.ts); the overdue count is the page's (deadline-queries.test.ts).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { readDashboardSmall } from '../../../renderer/store/dashboard-data';
import { recountStatuses } from '../../../renderer/store/status-counters';
import { makeMilestone, makeProject } from '../../shared/portfolio/fixtures';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await recountStatuses(true);
});

describe('readDashboardSmall', () => {
  it('reads the planning tables and no longer counts milestones', async () => {
    await db.projects.bulkAdd([makeProject('a')]);
    await db.milestones.bulkAdd([makeMilestone('late', 'a', { dueDate: '2025-11-01' })]);
    await db.researchers.add({ id: 'r1', name: '佐藤' } as never);
    const d = await readDashboardSmall();
    expect(d.researchers.map((r) => r.id)).toEqual(['r1']);
    expect(d.applications).toEqual([]);
    expect(d.memberships).toEqual([]);
    expect('overdue' in d).toBe(false);
  });
});

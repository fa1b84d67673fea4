// The Deadlines views' kept bucket counts moved by the changes a writer noted (open-changes.ts) instead of being
// counted again, on fake-indexeddb: right after marks, their undo and writes not noted, and the rule itself.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Milestone } from '../../../shared/domain/types';
import { addDays } from '../../../shared/calendar/fiscal-year';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../renderer/store/projects';
import { loadDeadlineView } from '../../../renderer/store/deadline-queries';
import { setMilestonesStatus } from '../../../renderer/store/milestones';
import { undoLast } from '../../../renderer/store/audit';
import { readRevision } from '../../../renderer/store/kept-snapshot';
import { movedCounts, noteOpenChanges, openChangeOf } from '../../../renderer/store/open-changes';

const TODAY = '2026-12-02';

async function seed(): Promise<Milestone[]> {
  const r = await saveProject({ ...blankProjectInput(), code: 'A', title: 'A', startDate: '2025-04-01', endDate: '2029-03-31', status: 'active' });
  if (!r.ok) throw new Error('save failed');
  const rows: Milestone[] = Array.from({ length: 20 }, (_, i) => ({
    id: `m-${String(i).padStart(2, '0')}`, projectId: r.project.id, kind: 'internal', title: `t${i}`, dueDate: addDays(TODAY, i < 12 ? -1 - i : 3 + i), status: 'planned', doneDate: null, notes: '', origin: 'user',
  }));
  await db.milestones.bulkAdd(rows);
  return rows;
}

/** Each bucket's count as the view shows it, and as the stored items say. */
async function counts(): Promise<{ shown: [string, number][]; stored: [string, number][] }> {
  const v = await loadDeadlineView(TODAY, 'all', 5);
  const open = (await db.milestones.toArray()).filter((m) => m.status === 'planned');
  const stored = v.groups.map((g): [string, number] => [g.bucket, open.filter((m) => (g.bucket === 'overdue' ? m.dueDate < TODAY : m.dueDate >= TODAY && (g.bucket !== 'next30' || m.dueDate <= addDays(TODAY, 30)))).length]);
  return { shown: v.groups.map((g) => [g.bucket, g.total]), stored };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('kept deadline counts across noted writes', () => {
  it('stay equal to the stored items through marks, their undo, and writes not noted', async () => {
    const rows = await seed();
    const check = async () => {
      const c = await counts();
      expect(c.shown).toEqual(c.stored);
    };
    await check();
    await setMilestonesStatus([rows[0]!.id, rows[1]!.id, rows[15]!.id], 'done', TODAY);
    await check();
    await undoLast();
    await check();
    await setMilestonesStatus([rows[2]!.id], 'passed', TODAY);
    await check();
    // A write no writer noted (another window, an edit): counted again.
    await db.milestones.update(rows[3]!.id, { status: 'done' });
    await check();
    await db.milestones.update(rows[4]!.id, { dueDate: addDays(TODAY, 5) });
    await check();
    await undoLast();
    await check();
  });

  it('are moved by what was noted for a revision, without counting again', async () => {
    const rows = await seed();
    const overdue = async () => (await loadDeadlineView(TODAY, 'overdue', 5)).total;
    expect(await overdue()).toBe(12);
    // A note for the next revision that says one more item than the write below makes: the view believes the note,
    // which shows the count was moved, not walked (a writer's note is exact by construction: see milestones.ts).
    noteOpenChanges((await readRevision())! + 1, [{ dueDate: rows[0]!.dueDate, delta: -1 }, { dueDate: rows[1]!.dueDate, delta: -1 }]);
    await db.milestones.update(rows[0]!.id, { status: 'done' });
    expect(await overdue()).toBe(10);
  });

  it('moves counts by range and gives up on a revision not noted', () => {
    noteOpenChanges(101, [{ dueDate: '2026-01-10', delta: -1 }, { dueDate: '2026-12-20', delta: 1 }]);
    noteOpenChanges(102, openChangeOf({ status: 'planned', dueDate: '2026-01-11' }, { status: 'done', dueDate: '2026-01-11' }));
    const from = { revision: 100, byRange: new Map([['/2026-12-02', 40], ['2026-12-02/2027-01-02', 7]]) };
    expect(movedCounts(from, 102)).toEqual(new Map([['/2026-12-02', 38], ['2026-12-02/2027-01-02', 8]]));
    expect(movedCounts(from, 100)).toBeNull();
    expect(movedCounts(from, 103)).toBeNull();
    expect(openChangeOf({ status: 'planned', dueDate: '2026-01-11' }, { status: 'planned', dueDate: '2026-01-11' })).toEqual([]);
    expect(openChangeOf(null, { status: 'planned', dueDate: '2026-01-11' })).toEqual([{ dueDate: '2026-01-11', delta: 1 }]);
  });
});

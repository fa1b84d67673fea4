// Marks hidden from the Deadlines view while their write commits (pending-marks.ts), on the store's own pages
// (fake-indexeddb): the view hides the items and their counts exactly once, before and after the commit.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Milestone } from '../../../../shared/domain/types';
import { addDays } from '../../../../shared/calendar/fiscal-year';
import { db } from '../../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../../renderer/store/projects';
import { deadlineViewSelection, loadDeadlineView } from '../../../../renderer/store/deadline-queries';
import type { DeadlineViewPage } from '../../../../renderer/store/deadline-queries';
import { setMilestonesStatus } from '../../../../renderer/store/milestones';
import { readRevision } from '../../../../renderer/store/kept-snapshot';
import { markShown, undoableMark, undoShown, undoShowsKept, viewKey, withPendingUndo, withoutPending } from '../../../../renderer/features/deadlines/pending-marks';
import type { PendingMark, PendingUndo } from '../../../../renderer/features/deadlines/pending-marks';
import { undoLast } from '../../../../renderer/store/audit';

const TODAY = '2026-12-02';
const ANY = { programId: null, department: null };
const HERE = viewKey('upTo90', ANY);

async function seed(): Promise<Milestone[]> {
  const r = await saveProject({ ...blankProjectInput(), code: 'A', title: 'A', startDate: '2025-04-01', endDate: '2029-03-31', status: 'active' });
  if (!r.ok) throw new Error('save failed');
  const rows: Milestone[] = [];
  for (let i = 0; i < 12; i++) rows.push({ id: `o-${String(i).padStart(2, '0')}`, projectId: r.project.id, kind: 'internal', title: `o${i}`, dueDate: addDays(TODAY, -1 - i), status: 'planned', doneDate: null, notes: '', origin: 'user' });
  for (let i = 0; i < 3; i++) rows.push({ id: `n-${i}`, projectId: r.project.id, kind: 'internal', title: `n${i}`, dueDate: addDays(TODAY, 5 + i), status: 'planned', doneDate: null, notes: '', origin: 'user' });
  await db.milestones.bulkAdd(rows);
  return rows;
}

const shape = (p: DeadlineViewPage) => ({ total: p.total, groups: p.groups.map((g) => [g.bucket, g.total, g.items.map((m) => m.id)]) });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('pending marks', () => {
  it('shows a page read before the commit exactly as the page read after it', async () => {
    await seed();
    const before = await loadDeadlineView(TODAY, 'upTo90', 5);
    const marked = new Map([['o-11', 'overdue' as const], ['n-1', 'next30' as const]]);
    let mark: PendingMark = { view: HERE, items: marked };
    // While the write runs (revision not known yet) the page read before it hides the two items and their counts.
    const hidden = withoutPending(before, HERE, [mark]);
    await setMilestonesStatus([...marked.keys()], 'done', TODAY, { onRevision: (r) => (mark = { ...mark, committedAt: r }) });
    expect(mark.committedAt).toBe(await readRevision());
    const after = await loadDeadlineView(TODAY, 'upTo90', 5);
    expect(markShown(mark, before)).toBe(false);
    expect(markShown(mark, after)).toBe(true);
    // The old page with the mark hidden, and the new page (the mark shown by itself: not hidden twice), agree on
    // counts; the rows are the first page less the marked ones (the new page fills up from further down).
    expect(hidden.total).toBe(after.total);
    expect(hidden.groups.map((g) => [g.bucket, g.total])).toEqual(after.groups.map((g) => [g.bucket, g.total]));
    expect(hidden.groups[0]!.items.map((m) => m.id)).toEqual(['o-10', 'o-09', 'o-08', 'o-07']);
    expect(shape(withoutPending(after, HERE, [mark]))).toEqual(shape(after));
    expect(shape(withoutPending(withoutPending(before, HERE, []), HERE, []))).toEqual(shape(before));
  });

  it('empties a view whose every item is marked, and drops emptied groups', async () => {
    await seed();
    const page = await loadDeadlineView(TODAY, 'upTo90', 200);
    const all = await deadlineViewSelection(TODAY, 'upTo90', ANY);
    expect(all.size).toBe(15);
    expect([...all.values()].filter((b) => b === 'overdue')).toHaveLength(12);
    const v = withoutPending(page, HERE, [{ view: HERE, items: all }]);
    expect(v.total).toBe(0);
    expect(v.groups).toEqual([]);
  });

  it('leaves other views and scopes alone (their counts may not hold the items)', async () => {
    await seed();
    const page = await loadDeadlineView(TODAY, 'overdue', 5);
    const mark: PendingMark = { view: HERE, items: new Map([['o-00', 'overdue']]) };
    expect(shape(withoutPending(page, viewKey('overdue', ANY), [mark]))).toEqual(shape(page));
    expect(viewKey('overdue', { programId: 'p', department: null })).not.toBe(viewKey('overdue', ANY));
  });

  it('a scoped page carries a revision read before its reads, so an undo after the mark shows the rows again', async () => {
    await seed();
    const ids = ['o-00', 'o-01'];
    let committedAt: number | undefined;
    await setMilestonesStatus(ids, 'done', TODAY, { onRevision: (r) => (committedAt = r) });
    const scope = { programId: null, department: '' };
    expect((await loadDeadlineView(TODAY, 'overdue', 5, scope)).revision).toBe(committedAt);
    await undoLast();
    const back = await loadDeadlineView(TODAY, 'overdue', 5);
    expect(back.revision).toBeGreaterThan(committedAt!);
    expect(shape(withoutPending(back, viewKey('overdue', ANY), [{ view: viewKey('overdue', ANY), items: new Map([['o-00', 'overdue'], ['o-01', 'overdue']]), committedAt }])).total).toBe(12);
  });

  it('an undo of the last mark shows the page from before the mark, which is the page read after the undo', async () => {
    await seed();
    const before = await loadDeadlineView(TODAY, 'upTo90', 5);
    const all = await deadlineViewSelection(TODAY, 'upTo90', ANY);
    let kept: ReturnType<typeof undoableMark> = null;
    await setMilestonesStatus([...all.keys()], 'done', TODAY, { onRevision: (r, change) => (kept = undoableMark(before, change, r)) });
    expect(kept).not.toBeNull();
    const marked = await loadDeadlineView(TODAY, 'upTo90', 5);
    expect(marked.total).toBe(0);
    // The undo's target is the mark; the page shown is the view read after the mark (or still the one before it).
    const { peekUndo } = await import('../../../../renderer/store/audit');
    const target = await peekUndo();
    expect(undoShowsKept(kept, target, marked)).toBe(true);
    expect(undoShowsKept(kept, target, before)).toBe(true);
    expect(undoShowsKept(kept, { batch: 'another', at: '9999-12-31T00:00:00.000Z' }, marked)).toBe(false);
    // The button's read of the log from before the mark (its live query not run again yet): the mark is still next.
    expect(undoShowsKept(kept, { batch: 'older', at: '2000-01-01T00:00:00.000Z' }, marked)).toBe(true);
    expect(undoShowsKept(kept, undefined, marked)).toBe(false);
    expect(undoShowsKept(kept, target, await loadDeadlineView(TODAY, 'overdue', 5))).toBe(false);
    const undo: PendingUndo = { page: kept!.page };
    // While the undo writes, the store's pages (read before its commit) are shown as the kept one.
    expect(shape(withPendingUndo(marked, undo))).toEqual(shape(before));
    const result = await undoLast();
    expect(result.ok && result.batch).toBe(kept!.batch);
    const committedAt = result.ok ? result.committedAt : undefined;
    expect(committedAt).toBe(await readRevision());
    const after = await loadDeadlineView(TODAY, 'upTo90', 5);
    expect(undoShown({ ...undo, committedAt }, marked)).toBe(false);
    expect(undoShown({ ...undo, committedAt }, after)).toBe(true);
    expect(shape(after)).toEqual(shape(before));
    expect(shape(withPendingUndo(after, { ...undo, committedAt }))).toEqual(shape(after));
  });

  it('keeps no page for an undo when the page shown at the mark was not read just before it', async () => {
    await seed();
    const old = await loadDeadlineView(TODAY, 'upTo90', 5);
    await setMilestonesStatus(['n-0'], 'done', TODAY);
    let kept: ReturnType<typeof undoableMark> = undefined as never;
    await setMilestonesStatus(['o-00'], 'done', TODAY, { onRevision: (r, change) => (kept = undoableMark(old, change, r)) });
    expect(kept).toBeNull();
  });
});

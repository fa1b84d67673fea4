// The Deadlines screen's paged reads on fake-indexeddb: per-bucket counts and first pages from the [status+dueDate]
// index, the trash left out of both, "select all" of a view as ids, and a calendar month capped per day.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Milestone, Project } from '../../../shared/domain/types';
import { addDays } from '../../../shared/calendar/fiscal-year';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, deleteProject, saveProject } from '../../../renderer/store/projects';
import { countDeadlinesAhead, deadlineViewIds, loadDeadlineItems, loadDeadlineView, loadMonthDeadlines } from '../../../renderer/store/deadline-queries';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { setMilestonesStatus } from '../../../renderer/store/milestones';
import { COUNTERS_KEY } from '../../../shared/portfolio/status-counts';

const TODAY = '2026-12-02';

async function project(code: string, fields: { department?: string; programId?: string | null } = {}): Promise<Project> {
  const r = await saveProject({ ...blankProjectInput(), code, title: code, startDate: '2025-04-01', endDate: '2029-03-31', status: 'active', ...fields });
  if (!r.ok) throw new Error('save failed');
  return r.project;
}

let seq = 0;
const item = (projectId: string, dueDate: string, status: Milestone['status'] = 'planned'): Milestone => ({
  id: `m-${String(seq++).padStart(5, '0')}`, projectId, kind: 'internal', title: `t${seq}`, dueDate, status, doneDate: status === 'planned' ? null : dueDate, notes: '', origin: 'user',
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('deadline views', () => {
  it('counts each bucket and returns its first page by due date, leaving out done items and the trash', async () => {
    const a = await project('A');
    const b = await project('B');
    const rows: Milestone[] = [];
    for (let i = 0; i < 30; i++) rows.push(item(a.id, addDays(TODAY, -1 - i)));            // overdue
    for (let i = 0; i < 5; i++) rows.push(item(a.id, addDays(TODAY, i * 7)));                // next30 (0..28)
    rows.push(item(a.id, addDays(TODAY, 30)), item(a.id, addDays(TODAY, 31)));              // next30 edge, next60
    rows.push(item(a.id, addDays(TODAY, 90)), item(a.id, addDays(TODAY, 91)));              // next90 edge, later
    rows.push(item(a.id, addDays(TODAY, -3), 'done'));                                       // closed: never shown
    for (let i = 0; i < 4; i++) rows.push(item(b.id, addDays(TODAY, -2)));                  // B goes to the trash
    await db.milestones.bulkAdd(rows);
    await deleteProject(b.id);

    const v = await loadDeadlineView(TODAY, 'upTo90', 10);
    expect(v.groups.map((g) => [g.bucket, g.total, g.items.length])).toEqual([['overdue', 30, 10], ['next30', 6, 6], ['next60', 1, 1], ['next90', 1, 1]]);
    expect(v.total).toBe(38);
    const overdue = v.groups[0]!.items.map((m) => m.dueDate);
    expect(overdue).toEqual([...overdue].sort());
    expect(overdue[0]).toBe(addDays(TODAY, -30));
    expect(v.groups.flatMap((g) => g.items).every((m) => m.projectId === a.id && v.projects.has(m.projectId))).toBe(true);

    expect((await loadDeadlineView(TODAY, 'all', 10)).total).toBe(39);
    expect((await loadDeadlineView(TODAY, 'next60', 10)).groups.map((g) => g.bucket)).toEqual(['next30', 'next60']);
    const ids = await deadlineViewIds(TODAY, 'overdue');
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    // The export's full read agrees with the counts, and narrows to a selection.
    expect((await loadDeadlineItems(TODAY, 'upTo90')).items).toHaveLength(38);
    expect((await loadDeadlineItems(TODAY, 'overdue', new Set(ids.slice(0, 3)))).items).toHaveLength(3);
  });

  it('narrows a view to one program and/or department: counts, pages by due date, select-all ids and export', async () => {
    const program = BUILTIN_CATALOG.programs.find((p) => p.parentId === null)!.id;
    const a = await project('A', { department: '医学研究科', programId: program });
    const b = await project('B', { department: '工学研究科', programId: program });
    const c = await project('C', { department: '医学研究科', programId: null });
    const d = await project('D', { department: '医学研究科', programId: program });
    const rows: Milestone[] = [];
    for (let i = 0; i < 7; i++) rows.push(item(a.id, addDays(TODAY, -10 + i * 3)));        // overdue ×4 (−10…−1), next30 ×3
    rows.push(item(a.id, addDays(TODAY, -5), 'done'), item(a.id, addDays(TODAY, 200)));     // closed; later
    for (let i = 0; i < 3; i++) rows.push(item(b.id, addDays(TODAY, -4)));
    for (let i = 0; i < 2; i++) rows.push(item(c.id, addDays(TODAY, 5)));
    rows.push(item(d.id, addDays(TODAY, -20)));                                             // D goes to the trash
    await db.milestones.bulkAdd(rows);
    await deleteProject(d.id);

    const both = { programId: program, department: '医学研究科' };
    const v = await loadDeadlineView(TODAY, 'upTo90', 2, both);
    expect(v.groups.map((g) => [g.bucket, g.total, g.items.length])).toEqual([['overdue', 4, 2], ['next30', 3, 2]]);
    expect(v.total).toBe(7);
    expect(v.groups[0]!.items.map((m) => m.dueDate)).toEqual([addDays(TODAY, -10), addDays(TODAY, -7)]);
    expect(v.query).not.toBe((await loadDeadlineView(TODAY, 'upTo90', 2)).query);
    expect((await loadDeadlineView(TODAY, 'all', 50, both)).total).toBe(8);
    expect((await loadDeadlineView(TODAY, 'overdue', 50, { programId: program, department: null })).total).toBe(7);
    expect((await loadDeadlineView(TODAY, 'all', 50, { programId: null, department: '医学研究科' })).total).toBe(10);
    expect((await loadDeadlineView(TODAY, 'all', 50, { programId: null, department: null })).total).toBe(13);
    const ids = await deadlineViewIds(TODAY, 'overdue', { programId: program, department: null });
    expect(new Set(ids).size).toBe(7);
    expect((await loadDeadlineItems(TODAY, 'overdue', undefined, both)).items.map((m) => m.projectId)).toEqual(Array(4).fill(a.id));
  });

  it('keeps a bucket\'s count only while no write moves the store\'s revision', async () => {
    const a = await project('A');
    const overdue = Array.from({ length: 6 }, (_, i) => item(a.id, addDays(TODAY, -1 - i)));
    await db.milestones.bulkAdd(overdue);
    const totals = async () => (await loadDeadlineView(TODAY, 'upTo90', 3)).groups.map((g) => [g.bucket, g.total]);
    expect(await totals()).toEqual([['overdue', 6]]);
    // The same count again from every view holding the bucket.
    expect((await loadDeadlineView(TODAY, 'overdue', 3)).total).toBe(6);
    expect((await loadDeadlineView(TODAY, 'all', 3)).total).toBe(6);
    // Each kind of write is seen: an add, a status change, a delete, a project to the trash.
    await db.milestones.add(item(a.id, addDays(TODAY, -30)));
    expect(await totals()).toEqual([['overdue', 7]]);
    await setMilestonesStatus([overdue[0]!.id, overdue[1]!.id], 'done', TODAY);
    expect(await totals()).toEqual([['overdue', 5]]);
    await db.milestones.delete(overdue[2]!.id);
    expect((await loadDeadlineView(TODAY, 'overdue', 3)).total).toBe(4);
    const b = await project('B');
    await db.milestones.bulkAdd([item(b.id, addDays(TODAY, -2)), item(b.id, addDays(TODAY, 3))]);
    expect(await totals()).toEqual([['overdue', 5], ['next30', 1]]);
    await deleteProject(b.id);
    expect(await totals()).toEqual([['overdue', 4]]);
    // Without the counters row (no revision to trust) every count is read again.
    await db.settings.delete(COUNTERS_KEY);
    expect((await loadDeadlineView(TODAY, 'all', 3)).total).toBe(4);
  });

  it('counts every bucket ahead, so the first view counts nothing until a write, and is right after one', async () => {
    const a = await project('A');
    const open = [-1, -2, -40, 3, 45, 80, 200].map((d) => item(a.id, addDays(TODAY, d)));
    await db.milestones.bulkAdd([...open, item(a.id, addDays(TODAY, -5), 'done')]);
    await db.milestones.add(item(a.id, addDays(TODAY, -3))); // moves the revision past any count kept before
    const count = vi.spyOn(Object.getPrototypeOf(db.milestones.toCollection()) as { count: () => Promise<number> }, 'count');
    try {
      await countDeadlinesAhead(TODAY);
      expect(count).toHaveBeenCalledTimes(5);
      count.mockClear();
      const totals = async () => (await loadDeadlineView(TODAY, 'all', 2)).groups.map((g) => [g.bucket, g.total]);
      expect(await totals()).toEqual([['overdue', 4], ['next30', 1], ['next60', 1], ['next90', 1], ['later', 1]]);
      expect(count).not.toHaveBeenCalled();
      // A write after the read-ahead: counted again (or moved by its noted change), never the kept number.
      await setMilestonesStatus([open[0]!.id], 'done', TODAY);
      await db.milestones.add(item(a.id, addDays(TODAY, 10)));
      expect(await totals()).toEqual([['overdue', 3], ['next30', 2], ['next60', 1], ['next90', 1], ['later', 1]]);
    } finally {
      count.mockRestore();
    }
  });

  it('lists at most a few items a day in a calendar month, with each day’s count', async () => {
    const a = await project('A');
    const rows: Milestone[] = [];
    for (let i = 0; i < 40; i++) rows.push(item(a.id, '2027-03-31', i % 2 ? 'planned' : 'done'));
    rows.push(item(a.id, '2027-03-01'), item(a.id, '2027-04-01'));
    await db.milestones.bulkAdd(rows);
    const m = await loadMonthDeadlines('2027-03-01', '2027-03-31', 6);
    expect(m.items).toHaveLength(7);
    expect(m.countByDate.get('2027-03-31')).toBe(40);
    expect(m.countByDate.get('2027-03-01')).toBe(1);
    expect(m.countByDate.has('2027-04-01')).toBe(false);
  });
});

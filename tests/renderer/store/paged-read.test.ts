// Reading a table a page per transaction, on fake-indexeddb: the same rows in the same order as one toArray (primary
// key or an index range, repeated keys across page boundaries, empty tables), and a write issued during the read
// commits before the read ends instead of after it (IndexedDB's own scheduling, observed through promise order).
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Milestone, Project } from '../../../shared/domain/types';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../renderer/store/projects';
import { readFewDistinctKeys, readInPages, readUniqueKeysInPages } from '../../../renderer/store/paged-read';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

async function projects(n: number): Promise<Project[]> {
  const saved = await saveProject({ ...blankProjectInput(), code: 'SEED', title: 'seed', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  if (!saved.ok) throw new Error('save failed');
  // Ids not in insertion order, so the primary key's order is not the order they were added in.
  const rows = Array.from({ length: n }, (_, i) => ({ ...saved.project, id: `p-${(i * 7919) % n}-${i}`, code: `C${i}` }));
  await db.projects.bulkAdd(rows);
  return rows;
}

function milestone(i: number, dueDate: string, status: Milestone['status'] = 'planned'): Milestone {
  return { id: `m-${String((i * 31) % 1000).padStart(4, '0')}-${i}`, projectId: 'p', kind: 'other', title: `m${i}`, dueDate, status, doneDate: null, notes: '', origin: 'user' };
}

const OPEN: readonly [[string, string], [string, string]] = [['planned', ''], ['planned', '\uffff']];

describe('readInPages', () => {
  it('returns what toArray returns, by primary key, whatever the page size (boundaries included)', async () => {
    await projects(24);
    const all = await db.projects.toArray();
    expect(all).toHaveLength(25);
    for (const pageSize of [1, 2, 5, 24, 25, 26, 1000]) expect(await readInPages(db.projects, { pageSize })).toEqual(all);
  });

  it('returns nothing for an empty table', async () => {
    expect(await readInPages(db.projects, { pageSize: 3 })).toEqual([]);
    expect(await readInPages(db.milestones, { pageSize: 3, index: '[status+dueDate]', between: OPEN })).toEqual([]);
  });

  it('walks an index range in its order, keys repeated across pages and runs longer than a page included', async () => {
    const rows: Milestone[] = [];
    let i = 0;
    // Runs of 1, 3, 4, 9 and 12 rows of one key, done items (outside the range) between them.
    for (const [day, count] of [['2026-01-10', 1], ['2026-02-01', 3], ['2026-03-31', 9], ['2026-04-15', 4], ['2026-05-01', 12]] as const) {
      for (let k = 0; k < count; k++) rows.push(milestone(i++, day));
      rows.push(milestone(i++, day, 'done'));
    }
    await db.milestones.bulkAdd(rows);
    const expected = await db.milestones.where('[status+dueDate]').between(['planned', ''], ['planned', '\uffff'], true, false).toArray();
    expect(expected).toHaveLength(29);
    for (const pageSize of [1, 2, 3, 4, 5, 8, 29, 30]) {
      expect((await readInPages(db.milestones, { pageSize, index: '[status+dueDate]', between: OPEN })).map((m) => m.id)).toEqual(expected.map((m) => m.id));
    }
    // A plain index, the whole of it, and an upper bound that cuts a run off.
    const byDue = await db.milestones.orderBy('dueDate').toArray();
    expect((await readInPages(db.milestones, { pageSize: 4, index: 'dueDate' })).map((m) => m.id)).toEqual(byDue.map((m) => m.id));
    const early = await db.milestones.where('dueDate').between('2026-02-01', '2026-04-15', true, false).toArray();
    expect((await readInPages(db.milestones, { pageSize: 2, index: 'dueDate', between: ['2026-02-01', '2026-04-15'] })).map((m) => m.id)).toEqual(early.map((m) => m.id));
  });

  it('lists the distinct keys of an index as uniqueKeys does, a page of keys at a time', async () => {
    await db.milestones.bulkAdd(Array.from({ length: 23 }, (_, i) => ({ ...milestone(i, '2026-01-01'), projectId: `p${i % 7}` })));
    const keys = await db.milestones.orderBy('projectId').uniqueKeys();
    expect(keys).toHaveLength(7);
    for (const pageSize of [1, 3, 7, 8]) expect(await readUniqueKeysInPages(db.milestones, 'projectId', pageSize)).toEqual(keys);
    expect(await readUniqueKeysInPages(db.budgetLines, 'projectId', 3)).toEqual([]);
  });

  it('finds the same distinct keys by seeking past each one, the empty key included', async () => {
    const rows = await projects(20);
    await db.projects.bulkPut(rows.map((p, i) => ({ ...p, department: ['', '医学部', '工学部', '理学部'][i % 4]! })));
    const keys = await db.projects.orderBy('department').uniqueKeys();
    expect(keys.length).toBeGreaterThan(3);
    expect(await readFewDistinctKeys(db.projects, 'department')).toEqual(keys);
    expect(await readFewDistinctKeys(db.budgetLines, 'projectId')).toEqual([]);
  });

  it('refuses an index it cannot page rather than reading it wrong', async () => {
    await expect(readInPages(db.milestones, { index: 'nope' })).rejects.toThrow(/not an inbound/);
  });

  it('lets a write issued during the read commit before the read ends (one toArray holds it until the end)', async () => {
    const rows = await projects(40);
    const order: string[] = [];
    const edit = (title: string) => db.projects.put({ ...rows[0]!, title }).then(() => void order.push('write'));

    const whole = db.projects.toArray().then(() => void order.push('read'));
    await Promise.all([whole, edit('during one read')]);
    expect(order).toEqual(['read', 'write']);

    order.length = 0;
    const paged = readInPages(db.projects, { pageSize: 5 }).then((got) => {
      order.push('read');
      return got;
    });
    const [got] = await Promise.all([paged, edit('during a paged read')]);
    expect(order).toEqual(['write', 'read']);
    // The first page was read before the write; the row itself may come either way, but every row comes once.
    expect(got).toHaveLength(41);
    expect(new Set(got.map((p) => p.id)).size).toBe(41);
  });
});

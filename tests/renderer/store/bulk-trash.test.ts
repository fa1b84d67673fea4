// Moving many projects to the trash and undoing it, a chunk at a time inside one transaction (fake-indexeddb): every
// chunk is reported, exactly the marked projects move and come back, a cancel mid-way leaves the data as before
// (nothing moved, nothing logged), a project changed twice in one batch is undone to its oldest state, the undo takes
// only the newest batch when two bulk actions sit side by side, and the status counters follow.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { deleteProjects } from '../../../renderer/store/projects';
import { undoIsBig, undoLast } from '../../../renderer/store/audit';
import { readPortfolioCounters, recountStatuses } from '../../../renderer/store/status-counters';
import { countByStatus } from '../../../shared/portfolio/status-counts';
import type { Project, ProjectStatus } from '../../../shared/domain/types';

function project(i: number): Project {
  return {
    id: `p-${String(i).padStart(5, '0')}`, code: `T-${i}`, title: `課題 ${i}`, pi: '山田', piPosition: '', piResearcherNumber: '', department: '医学部', coInvestigators: [], partners: [],
    programId: null, trackId: null, funderName: 'AMED', amedNumber: '', eradNumber: '', startDate: '2025-04-01', endDate: '2027-03-31', status: 'active', tags: [], notes: '',
    archived: false, deletedAt: null, createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z',
  };
}

const N = 1_300;
const live = async () => (await db.projects.toArray()).filter((p) => !p.deletedAt).length;

const STATUSES: ProjectStatus[] = ['applying', 'active', 'completed', 'terminated'];

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.projects.bulkAdd(Array.from({ length: N }, (_, i) => ({ ...project(i), status: STATUSES[i % 4]! })));
  await recountStatuses(true);
});

/** The stored counts must equal a count of the rows themselves. */
async function expectCountsTrue() {
  expect((await readPortfolioCounters())?.byStatus).toEqual(countByStatus(await db.projects.toArray()));
}

describe('bulk trash and undo in chunks', () => {
  it('moves every project in chunks with progress, and one undo brings them all back', async () => {
    const ids = (await db.projects.toArray()).map((p) => p.id);
    const seen: number[] = [];
    expect(await deleteProjects(ids, new Date('2026-12-01T00:00:00Z'), { onProgress: (d) => seen.push(d) })).toBe(N);
    // More than one chunk (500 projects each) reported, up to all of them.
    expect(seen.filter((d) => d > 0 && d < N).length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(N);
    expect(await live()).toBe(0);
    expect((await db.auditLog.toArray()).filter((e) => e.action === 'delete').length).toBe(N);
    const undoSeen: [number, number][] = [];
    const u = await undoLast({ onProgress: (d, t) => undoSeen.push([d, t]) });
    expect(u).toMatchObject({ ok: true, count: N });
    expect(undoSeen.at(-1)![0]).toBe(undoSeen.at(-1)![1]);
    expect(await live()).toBe(N);
    expect(await db.projects.get('p-00007')).toEqual({ ...project(7), status: 'terminated' });
  }, 60_000);

  it('moves exactly the marked projects in small chunks, counts them out and back, and one undo restores each as it was', async () => {
    const before = await db.projects.toArray();
    // Every third project, plus one already in the trash and an id that does not exist: those two are passed over.
    await db.projects.update('p-00002', { deletedAt: '2026-11-01T00:00:00Z' });
    await recountStatuses(true);
    const marked = before.filter((_, i) => i % 3 === 0).map((p) => p.id);
    const rev0 = (await readPortfolioCounters())!.revision;
    const moved = await deleteProjects([...marked, 'p-00002', 'missing'], new Date('2026-12-01T00:00:00Z'), { chunkSize: 37 });
    expect(moved).toBe(marked.length);
    const after = await db.projects.toArray();
    const trashed = after.filter((p) => p.deletedAt === '2026-12-01T00:00:00.000Z').map((p) => p.id);
    expect(trashed).toEqual(marked);
    expect((await db.projects.get('p-00002'))?.deletedAt).toBe('2026-11-01T00:00:00Z');
    // Each entry holds the whole row before (what undo restores) and only the changed fields after.
    const entry = (await db.auditLog.toArray()).find((e) => e.entityId === marked[1]);
    expect(entry).toMatchObject({ action: 'delete', before: before[3], after: { deletedAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' } });
    expect(Object.keys(entry!.after as object)).toHaveLength(2);
    await expectCountsTrue();
    // One transaction: the revision moved once.
    expect((await readPortfolioCounters())!.revision).toBe(rev0 + 1);
    expect(await undoLast({ chunkSize: 41 })).toMatchObject({ ok: true, count: marked.length });
    const back = new Map((await db.projects.toArray()).map((p) => [p.id, p]));
    for (const p of before) if (p.id !== 'p-00002') expect(back.get(p.id)).toEqual(p);
    expect(back.get('p-00002')?.deletedAt).toBe('2026-11-01T00:00:00Z');
    await expectCountsTrue();
  }, 60_000);

  it('tells a big undo from a small one, and undoes two bulk actions side by side one at a time', async () => {
    expect(await undoIsBig()).toBe(false);
    const ids = (await db.projects.toArray()).map((p) => p.id);
    await deleteProjects(ids.slice(0, 3), new Date('2026-12-01T00:00:00Z'));
    expect(await undoIsBig()).toBe(false);
    await deleteProjects(ids.slice(3), new Date('2026-12-02T00:00:00Z'));
    expect(await undoIsBig()).toBe(true);
    expect(await undoLast()).toMatchObject({ ok: true, count: N - 3 });
    expect(await live()).toBe(N - 3);
    expect(await undoIsBig()).toBe(false);
    expect(await undoLast()).toMatchObject({ ok: true, count: 3 });
    expect(await live()).toBe(N);
    await expectCountsTrue();
  }, 60_000);

  it('a trash cancelled mid-way moves nothing and logs nothing', async () => {
    const ids = (await db.projects.toArray()).map((p) => p.id);
    const stop = new AbortController();
    const run = deleteProjects(ids, new Date(), { signal: stop.signal, onProgress: (d) => d >= 500 && stop.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await live()).toBe(N);
    expect(await db.auditLog.count()).toBe(0);
    await expectCountsTrue();
  }, 60_000);

  it('an undo cancelled mid-way leaves the projects in the trash, and can be run again', async () => {
    const ids = (await db.projects.toArray()).map((p) => p.id);
    await deleteProjects(ids);
    const stop = new AbortController();
    await expect(undoLast({ signal: stop.signal, onProgress: (d) => d >= 500 && stop.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await live()).toBe(0);
    expect((await db.auditLog.toArray()).filter((e) => e.action === 'undo').length).toBe(0);
    expect(await undoLast()).toMatchObject({ ok: true, count: N });
    expect(await live()).toBe(N);
  }, 60_000);

  it('undoes a row changed twice in one batch to its oldest state', async () => {
    const before = project(1);
    const mid = { ...before, title: '途中' };
    const after = { ...before, title: '最後' };
    await db.projects.put(after);
    const base = { entity: 'project' as const, entityId: before.id, projectId: before.id, action: 'update' as const, at: 'x', user: 'u', batch: 'b1' };
    await db.auditLog.bulkAdd([{ ...base, summary: 'first', before, after: mid }, { ...base, summary: 'second', before: mid, after }]);
    expect(await undoLast()).toMatchObject({ ok: true, count: 2 });
    expect((await db.projects.get(before.id))?.title).toBe(before.title);
  });
});

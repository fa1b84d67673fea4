// A bulk status change of thousands of milestones (the Deadlines screen's "select all → 完了にする") on
// fake-indexeddb: one transaction, one audit entry per changed item in one batch, one undo step that restores them all.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Milestone } from '../../../shared/domain/types';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, saveProject } from '../../../renderer/store/projects';
import { auditedTables, beginChange, logChange, peekUndo, undoLast } from '../../../renderer/store/audit';
import { setMilestonesStatus } from '../../../renderer/store/milestones';
import { readPortfolioCounters } from '../../../renderer/store/status-counters';

const N = 1_200;

async function seed(): Promise<{ projectId: string; ids: string[] }> {
  const r = await saveProject({ ...blankProjectInput(), code: 'A-1', title: '研究', startDate: '2025-04-01', endDate: '2028-03-31', status: 'active' });
  if (!r.ok) throw new Error('save failed');
  const rows: Milestone[] = Array.from({ length: N }, (_, i) => ({
    id: `m-${String(i).padStart(5, '0')}`, projectId: r.project.id, kind: 'internal', title: `締切 ${i}`, dueDate: '2026-01-31',
    status: i % 10 === 0 ? 'done' : 'planned', doneDate: i % 10 === 0 ? '2026-01-01' : null, notes: '', origin: 'user',
  }));
  await db.milestones.bulkAdd(rows);
  return { projectId: r.project.id, ids: rows.map((m) => m.id) };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('bulk milestone status', () => {
  it('marks every open item done in one transaction, one audit batch, and one revision', async () => {
    const { ids } = await seed();
    const before = (await readPortfolioCounters())!.revision;
    const logBefore = await db.auditLog.count();
    const n = await setMilestonesStatus(ids, 'done', '2026-02-01');
    // Items already done are left alone and not logged.
    expect(n).toBe(N - N / 10);
    const rows = await db.milestones.toArray();
    expect(rows.every((m) => m.status === 'done')).toBe(true);
    expect(rows.filter((m) => m.doneDate === '2026-02-01')).toHaveLength(n);
    const log = await db.auditLog.where(':id').above(logBefore).toArray();
    expect(log).toHaveLength(n);
    expect(new Set(log.map((e) => e.batch)).size).toBe(1);
    expect(log.every((e) => e.entity === 'milestone' && (e.before as Milestone).status === 'planned' && (e.after as Milestone).status === 'done')).toBe(true);
    expect((await readPortfolioCounters())!.revision).toBe(before + 1);
  });

  it('undoes the whole bulk change as one step, logging each reversal', async () => {
    const { ids } = await seed();
    const original = await db.milestones.toArray();
    await setMilestonesStatus(ids, 'done', '2026-02-01');
    const r = await undoLast();
    expect(r).toMatchObject({ ok: true, count: N - N / 10 });
    expect(await db.milestones.toArray()).toEqual(original);
    expect((await db.auditLog.toArray()).filter((e) => e.action === 'undo')).toHaveLength(N - N / 10);
    // The next undo reaches the change before it (the project's creation), not the bulk change again.
    const next = await undoLast();
    expect(next.ok && next.summary).toMatch(/A-1|研究|追加|Added|作成|Created/);
  });

  it('writes nothing when a chunk fails', async () => {
    const { ids } = await seed();
    const original = await db.milestones.toArray();
    const logBefore = await db.auditLog.count();
    // The first chunk's entries are "written" (skipped), the second chunk's fail: the first chunk's milestones roll back.
    const skip = (() => Promise.resolve(0)) as unknown as typeof db.auditLog.bulkAdd;
    const spy = vi.spyOn(db.auditLog, 'bulkAdd').mockImplementationOnce(skip).mockRejectedValueOnce(new Error('disk full'));
    await expect(setMilestonesStatus(ids, 'done')).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.milestones.toArray()).toEqual(original);
    expect(await db.auditLog.count()).toBe(logBefore);
  });

  it('reports progress chunk by chunk and writes nothing when cancelled part-way', async () => {
    const { ids } = await seed();
    const original = await db.milestones.toArray();
    const logBefore = await db.auditLog.count();
    const seen: [number, number][] = [];
    const abort = new AbortController();
    const run = setMilestonesStatus(ids, 'done', '2026-02-01', {
      signal: abort.signal,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done > 0) abort.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen[0]).toEqual([0, N]);
    expect(seen.some(([done]) => done > 0 && done < N)).toBe(true);
    expect(await db.milestones.toArray()).toEqual(original);
    expect(await db.auditLog.count()).toBe(logBefore);
  });

  it('reports every item as done at the end', async () => {
    const { ids } = await seed();
    let last: [number, number] = [0, 0];
    await setMilestonesStatus(ids, 'done', '2026-02-01', { onProgress: (done, total) => (last = [done, total]) });
    expect(last).toEqual([N, N]);
  });

  it('puts a row changed twice in one batch back as it was before the first change', async () => {
    const { ids } = await seed();
    const id = ids[1]!;
    const first = (await db.milestones.get(id))!;
    const ctx = await beginChange();
    await db.transaction('rw', auditedTables(), async () => {
      const mid = { ...first, title: 'mid' };
      await db.milestones.put(mid);
      await logChange(ctx, { entity: 'milestone', entityId: id, projectId: first.projectId, action: 'update', summary: 'a', before: first, after: mid });
      const last = { ...mid, title: 'last' };
      await db.milestones.put(last);
      await logChange(ctx, { entity: 'milestone', entityId: id, projectId: first.projectId, action: 'update', summary: 'b', before: mid, after: last });
    });
    expect(await undoLast()).toMatchObject({ ok: true, count: 2 });
    expect(await db.milestones.get(id)).toEqual(first);
  });

  it('finds the change before several undone actions, however long they were', async () => {
    const { ids } = await seed();
    await setMilestonesStatus(ids.slice(0, 600), 'done');
    await setMilestonesStatus(ids.slice(0, 3), 'passed');
    expect(await undoLast()).toMatchObject({ ok: true, count: 3 });
    await setMilestonesStatus(ids.slice(600), 'done');
    expect(await undoLast()).toMatchObject({ ok: true, count: N - 600 - N / 20 });
    // Next: the first bulk change (600 items, less those already done), then the project's creation, then nothing.
    expect((await peekUndo())?.summary).toMatch(/planned → done/);
    expect(await undoLast()).toMatchObject({ ok: true, count: 600 - N / 20 });
    expect((await db.milestones.toArray()).filter((m) => m.status === 'done')).toHaveLength(N / 10);
    expect((await peekUndo())?.entity).toBe('project');
  });
});

// The import commit on fake-indexeddb: one transaction, matching by 管理番号, budget lines by year and milestones by
// kind+title, a dry run that writes nothing, a failure that writes nothing, and one small audit entry.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { buildImportPlan, commitImport, createOrderedIds, dryRunImport, endTaskBeforeChunk } from '../../../renderer/store/import-commit';
import type { ParsedImport } from '../../../shared/excel/import-types';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { messyOfficeWorkbook } from '../../shared/excel/fixtures';

afterEach(async () => {
  await Promise.all([db.projects.clear(), db.budgetLines.clear(), db.milestones.clear(), db.auditLog.clear()]);
});

function parsed(): ParsedImport {
  const r = runImportPipeline(messyOfficeWorkbook(), { programs: BUILTIN_CATALOG.programs });
  if (!r.ok) throw new Error(r.message.en);
  return r.result;
}

describe('commitImport', () => {
  it('adds projects, budget lines and milestones in one go, with progress and one audit entry', async () => {
    const progress: number[] = [];
    const summary = await commitImport(parsed(), { user: '山田', fileName: 'a.xlsx', onProgress: (d) => progress.push(d), chunkSize: 2 });
    expect(summary).toMatchObject({ added: 5, updated: 0, unchanged: 0, budgetLinesWritten: 7, milestonesWritten: 2 });
    expect(summary.skipped).toBeGreaterThanOrEqual(10);
    expect(await db.projects.count()).toBe(5);
    expect(await db.budgetLines.count()).toBe(7);
    const a1 = await db.projects.where('code').equals('A-001').first();
    const lines = await db.budgetLines.where('projectId').equals(a1!.id).toArray();
    expect(lines.find((l) => l.fiscalYear === 2026)).toMatchObject({ directYen: 12_000_000, indirectYen: 0 });
    expect(progress.at(-1)).toBe(5 + 1);
    expect(progress.length).toBeGreaterThan(3);
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'import', action: 'import', user: '山田' });
    expect(JSON.stringify(audit[0]).length).toBeLessThan(2000);
  });

  it('updates by 管理番号 on a second import instead of duplicating, keeping stored figures the sheet lacks', async () => {
    await commitImport(parsed(), { user: '', fileName: 'a.xlsx' });
    const a1 = (await db.projects.where('code').equals('A-001').first())!;
    await db.budgetLines.where('[projectId+fiscalYear]').equals([a1.id, 2026]).modify({ indirectYen: 3_600_000 });
    const again = parsed();
    again.projects[0]!.fields.title = '新規医療機器の開発（改）';
    const summary = await commitImport(again, { user: '', fileName: 'b.xlsx' });
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 4 });
    expect(await db.projects.count()).toBe(5);
    expect(await db.milestones.count()).toBe(2);
    expect((await db.projects.get(a1.id))?.title).toBe('新規医療機器の開発（改）');
    const line = await db.budgetLines.where('[projectId+fiscalYear]').equals([a1.id, 2026]).first();
    expect(line).toMatchObject({ directYen: 12_000_000, indirectYen: 3_600_000 });
  });

  it('stores the PI position, researcher number and co-investigators, and sees the same list as no change', async () => {
    const first = parsed();
    Object.assign(first.projects[0]!.fields, { piPosition: '教授', piResearcherNumber: '00828478', coInvestigators: ['佐藤 花子'] });
    await commitImport(first, { user: '', fileName: 'a.xlsx' });
    const a1 = (await db.projects.where('code').equals('A-001').first())!;
    expect(a1).toMatchObject({ piPosition: '教授', piResearcherNumber: '00828478', coInvestigators: ['佐藤 花子'] });
    const same = parsed();
    Object.assign(same.projects[0]!.fields, { piPosition: '教授', piResearcherNumber: '00828478', coInvestigators: ['佐藤 花子'] });
    expect((await dryRunImport(same)).summary).toMatchObject({ updated: 0 });
    Object.assign(same.projects[0]!.fields, { piPosition: '特任教授' });
    expect((await commitImport(same, { user: '', fileName: 'b.xlsx' }))).toMatchObject({ updated: 1 });
    expect((await db.projects.get(a1.id))?.piPosition).toBe('特任教授');
  });

  it('shows what would change in a dry run and writes nothing', async () => {
    const plan = await dryRunImport(parsed());
    expect(plan.summary).toMatchObject({ added: 5, updated: 0 });
    expect(plan.changes.map((c) => c.code)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-011']);
    expect(await db.projects.count()).toBe(0);
  });

  it('writes nothing when the commit fails part-way', async () => {
    const bad = parsed();
    // Milestones are written last: one that cannot be stored (a function cannot be cloned) fails after projects
    // and budget lines were already put inside the transaction.
    (bad.milestones[1] as unknown as { notes: unknown }).notes = () => 1;
    await expect(commitImport(bad, { user: '', fileName: 'x.xlsx', chunkSize: 1 })).rejects.toThrow();
    expect(await db.projects.count()).toBe(0);
    expect(await db.budgetLines.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('commitImport failing after it has yielded', () => {
  it('writes nothing when the last chunk fails, after earlier chunks were written and the task yielded', async () => {
    const bad = parsed();
    (bad.milestones[bad.milestones.length - 1] as unknown as { notes: unknown }).notes = () => 1;
    const progress: number[] = [];
    await expect(commitImport(bad, { user: '', fileName: 'x.xlsx', chunkSize: 1, onProgress: (d) => progress.push(d) })).rejects.toThrow();
    expect(progress.filter((d) => d > 0).length).toBeGreaterThan(1);
    expect(await db.projects.count()).toBe(0);
    expect(await db.budgetLines.count()).toBe(0);
    expect(await db.milestones.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('buildImportPlan', () => {
  it('pairs milestones by kind and title in date order and leaves unknown-code rows skipped', () => {
    const p: ParsedImport = {
      format: 'standard', sheet: 'Projects', problems: [], skipped: [], errorRows: [],
      projects: [{ sheet: 'Projects', row: 2, code: 'X', fields: { title: 'x' } }],
      budgetLines: [{ code: 'NOPE', sheet: 'Budgets', row: 2, fiscalYear: 2025, directYen: 1, indirectYen: 1 }],
      milestones: [
        { code: 'X', sheet: 'Milestones', row: 2, kind: 'stage-gate', title: 'SG', dueDate: '2027-03-31', status: 'planned', doneDate: null, notes: '' },
        { code: 'X', sheet: 'Milestones', row: 3, kind: 'stage-gate', title: 'SG', dueDate: '2026-03-31', status: 'passed', doneDate: '2026-03-20', notes: '' },
      ],
    };
    const existing = {
      projects: [{ id: 'p', code: 'X', title: 'x', pi: '', piPosition: '', piResearcherNumber: '', department: '', coInvestigators: [], partners: [], programId: null, trackId: null, funderName: '', amedNumber: '', eradNumber: '', startDate: null, endDate: null, status: 'active' as const, tags: [], notes: '', archived: false, deletedAt: null, createdAt: '', updatedAt: '' }],
      budgetLines: [],
      milestones: [
        { id: 'm1', projectId: 'p', kind: 'stage-gate' as const, title: 'SG', dueDate: '2026-03-31', status: 'planned' as const, doneDate: null, notes: '', origin: 'catalog' as const },
        { id: 'm2', projectId: 'p', kind: 'stage-gate' as const, title: 'SG', dueDate: '2027-03-31', status: 'planned' as const, doneDate: null, notes: '', origin: 'catalog' as const },
      ],
    };
    let n = 0;
    const plan = buildImportPlan(p, existing, { now: 'now', newId: () => `id${n++}` });
    expect(plan.milestones).toEqual([{ id: 'm1', projectId: 'p', kind: 'stage-gate', title: 'SG', dueDate: '2026-03-31', status: 'passed', doneDate: '2026-03-20', notes: '', origin: 'catalog' }]);
    expect(plan.summary).toMatchObject({ updated: 1, skipped: 1 });
    expect(plan.projects).toEqual([]);
  });
});

describe('createOrderedIds', () => {
  it('gives unique UUID-shaped ids in ascending order, across the counter fields', () => {
    const next = createOrderedIds(Date.UTC(2026, 0, 1));
    const ids = Array.from({ length: 70_000 }, () => next());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true);
    expect(ids[0]!.startsWith(Date.UTC(2026, 0, 1).toString(16).padStart(12, '0').slice(0, 8))).toBe(true);
  });

  it('gives a committed import time-ordered keys', async () => {
    await commitImport(parsed(), { user: '', fileName: 'a.xlsx', chunkSize: 1 });
    const ids = (await db.projects.toArray()).map((p) => p.id);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});

describe('endTaskBeforeChunk', () => {
  it('goes on while the next chunk, costing what the last did, fits in the budget', () => {
    expect(endTaskBeforeChunk(10, 20, 3, 50, 16)).toBe(false);
    expect(endTaskBeforeChunk(30, 20, 3, 50, 16)).toBe(false);
  });

  it('ends the task before a chunk that would take it past the budget, not after', () => {
    expect(endTaskBeforeChunk(31, 20, 3, 50, 16)).toBe(true);
    // A slow machine: one chunk alone costs more than the budget, so each task holds one chunk.
    expect(endTaskBeforeChunk(1, 120, 3, 50, 16)).toBe(true);
  });

  it('never ends a task that has not run yet (a slow chunk must still make progress)', () => {
    expect(endTaskBeforeChunk(0, 500, 3, 50, 16)).toBe(false);
  });

  it('ends the task when the queue is full, however short it was', () => {
    expect(endTaskBeforeChunk(0, 0, 16, 50, 16)).toBe(true);
    expect(endTaskBeforeChunk(0, 0, 15, 50, 16)).toBe(false);
  });
});

// The store on fake-indexeddb: the schema opens, indexes serve queries, and the unique office ID is enforced.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GrantDatabase, readInPages } from '../../../renderer/store/db';
import type { Project } from '../../../shared/domain/types';

let n = 0;
let db: GrantDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

function project(code: string, patch: Partial<Project> = {}): Project {
  const now = new Date().toISOString();
  return {
    id: `p-${code}`, code, title: `課題 ${code}`, pi: '山田 太郎', piPosition: '', piResearcherNumber: '', department: '医学研究科', coInvestigators: [], partners: [],
    programId: 'binds', trackId: null, funderName: 'AMED', amedNumber: '', eradNumber: '', startDate: '2025-04-01', endDate: '2027-03-31',
    status: 'active', tags: [], notes: '', archived: false, deletedAt: null, createdAt: now, updatedAt: now, ...patch,
  };
}

describe('GrantDatabase', () => {
  it('stores projects and finds them by index', async () => {
    db = new GrantDatabase(`test-${n++}`);
    await db.projects.bulkAdd([project('A-1'), project('A-2', { programId: 'b-cure' }), project('A-3', { status: 'completed' })]);
    expect(await db.projects.where('programId').equals('binds').count()).toBe(2);
    expect(await db.projects.where('status').equals('completed').count()).toBe(1);
    expect((await db.projects.where('code').equals('A-2').first())?.programId).toBe('b-cure');
  });
  it('reads a table in pages as toArray reads it whole', async () => {
    db = new GrantDatabase(`test-${n++}`);
    await db.projects.bulkAdd(Array.from({ length: 7 }, (_, i) => project(`P-${i}`)));
    const whole = await db.projects.toArray();
    // Pages of 3 (the last one short), of 7 (a full last page, then an empty one) and of more than the table holds.
    for (const size of [3, 7, 50]) expect(await readInPages(db.projects, size), `page of ${size}`).toEqual(whole);
    expect(await readInPages(db.budgetLines, 3)).toEqual([]);
  });
  it('refuses a second project with the same office ID', async () => {
    db = new GrantDatabase(`test-${n++}`);
    await db.projects.add(project('X-1'));
    await expect(db.projects.add(project('X-1', { id: 'other' }))).rejects.toThrow();
  });
  it('keeps budget lines per project and fiscal year', async () => {
    db = new GrantDatabase(`test-${n++}`);
    await db.budgetLines.bulkAdd([
      { id: 'b1', projectId: 'p1', fiscalYear: 2025, directYen: 10_000_000, indirectYen: 3_000_000 },
      { id: 'b2', projectId: 'p1', fiscalYear: 2026, directYen: 8_000_000, indirectYen: 2_400_000 },
    ]);
    const row = await db.budgetLines.where('[projectId+fiscalYear]').equals(['p1', 2026]).first();
    expect(row?.directYen).toBe(8_000_000);
  });
});

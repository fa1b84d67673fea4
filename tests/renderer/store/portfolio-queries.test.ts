// A program's mapped projects as its panel shows them (read by keys): live ones only, the first `limit` by code, and
// the count of all of them, trashed ones left out.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { blankProjectInput, deleteProject, saveProject } from '../../../renderer/store/projects';
import { readProgramProjects } from '../../../renderer/store/portfolio-queries';

async function add(code: string, programId: string): Promise<string> {
  const r = await saveProject({ ...blankProjectInput(), code, title: `課題 ${code}`, funderName: 'AMED', programId, startDate: '2025-04-01', endDate: '2027-03-31', status: 'active' });
  if (!r.ok) throw new Error(`save failed: ${code}`);
  return r.project.id;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('readProgramProjects', () => {
  it('counts the live projects of the program and returns the first ones by code', async () => {
    for (const code of ['P-005', 'P-001', 'P-004', 'P-002']) await add(code, 'binds');
    const trashed = await add('P-003', 'binds');
    await add('Q-001', 'b-cure');
    await deleteProject(trashed);

    const all = await readProgramProjects('binds', 10);
    expect(all.total).toBe(4);
    expect(all.rows.map((p) => p.code)).toEqual(['P-001', 'P-002', 'P-004', 'P-005']);

    const some = await readProgramProjects('binds', 2);
    expect(some.total).toBe(4);
    expect(some.rows).toHaveLength(2);
    expect(some.rows.every((p) => p.programId === 'binds' && !p.deletedAt)).toBe(true);

    expect(await readProgramProjects('none', 10)).toEqual({ rows: [], total: 0 });
  });
});

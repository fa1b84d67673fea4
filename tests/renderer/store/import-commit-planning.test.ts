// The import commit's planning step on fake-indexeddb: a standard workbook written from one database (with its
// planning sheets) imported into an empty one gives the same applications, researchers and members; importing it
// again adds nothing; an office sheet's people become researchers matched by number, else by folded name.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { commitImport } from '../../../renderer/store/import-commit';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import type { Application, Membership, Researcher } from '../../../shared/domain/planning';
import type { BudgetLine, Project } from '../../../shared/domain/types';
import { runImportPipeline } from '../../../shared/excel/import-pipeline';
import { standardWorkbookWithPlanningSheets } from '../../../shared/excel/planning-workbook';
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';

const NOW = '2026-05-01T00:00:00.000Z';
const project = (id: string, code: string): Project => ({
  id, code, title: `課題 ${code}`, pi: '山田 太郎', piPosition: '教授', piResearcherNumber: '', coInvestigators: [], department: '医学部', programId: null, trackId: null,
  funderName: 'JST', amedNumber: '', eradNumber: '', startDate: '2026-04-01', endDate: '2028-03-31', status: 'active', notes: '', partners: [], tags: [], archived: false, deletedAt: null,
  createdAt: NOW, updatedAt: NOW,
});
const researcher = (id: string, name: string, number: string): Researcher => ({
  id, name, nameReading: '', eradResearcherNumber: number, researchmapId: '', department: '医学部', position: '教授', notes: '', deletedAt: null, createdAt: NOW, updatedAt: NOW,
});
const application: Application = {
  id: 'a1', code: 'AP-1', title: '新規応募', callName: '2027年度 公募', callId: null, programId: null, trackId: null, funderName: 'JST', pi: '山田 太郎', department: '医学部',
  eradDeadline: '2026-06-10', internalDeadline: null, submittedDate: null, requested: [{ fiscalYear: 2027, directYen: 5_000_000, indirectYen: 1_500_000 }], role: 'lead',
  status: 'submitted', resultDate: null, probabilityOverride: 0.4, projectId: null, notes: '', deletedAt: null, createdAt: NOW, updatedAt: NOW,
};
const memberships: Membership[] = [
  { id: 'm1', projectId: 'p1', applicationId: null, researcherId: 'r1', role: 'pi', effort: [{ fiscalYear: 2026, percent: 40 }, { fiscalYear: 2027, percent: 30 }] },
  { id: 'm2', projectId: 'p2', applicationId: null, researcherId: 'r2', role: 'co-investigator', effort: [{ fiscalYear: 2026, percent: 10 }] },
  { id: 'm3', projectId: null, applicationId: 'a1', researcherId: 'r1', role: 'pi', effort: [{ fiscalYear: 2027, percent: 20 }] },
];

function workbook(): Uint8Array {
  const projects = [project('p1', 'P-1'), project('p2', 'P-2')];
  const budgetLines: BudgetLine[] = [{ id: 'b1', projectId: 'p1', fiscalYear: 2026, directYen: 1_000_000, indirectYen: 300_000 }];
  return writeWorkbookBytes(standardWorkbookWithPlanningSheets({
    projects, budgetLines, milestones: [], applications: [application], researchers: [researcher('r1', '山田 太郎', '90050426'), researcher('r2', '佐藤 花子', '')],
    memberships, programs: BUILTIN_CATALOG.programs, lang: 'ja',
  }));
}

function parse(bytes: Uint8Array) {
  const r = runImportPipeline(bytes, { programs: BUILTIN_CATALOG.programs, fileName: 'x.xlsx' });
  if (!r.ok) throw new Error(r.message.en);
  return r.result;
}

/** The stored planning records by their office keys, ids left out (the import gives new ids). */
async function stored() {
  const [projects, researchers, members, applications] = await Promise.all([db.projects.toArray(), db.researchers.toArray(), db.memberships.toArray(), db.applications.toArray()]);
  const code = new Map(projects.map((p) => [p.id, p.code]));
  const appCode = new Map(applications.map((a) => [a.id, a.code]));
  const who = new Map(researchers.map((r) => [r.id, r.name]));
  return {
    researchers: researchers.map((r) => [r.name, r.eradResearcherNumber, r.department, r.position]).sort(),
    members: members.map((m) => [m.projectId ? code.get(m.projectId) : appCode.get(m.applicationId!), who.get(m.researcherId), m.role, m.effort]).sort((a, b) => String(a).localeCompare(String(b))),
    applications: applications.map(({ id: _i, createdAt: _c, updatedAt: _u, ...rest }) => rest),
  };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('commitImport: planning records', () => {
  it('imports the planning sheets of a standard workbook into an empty database, and a second import adds nothing', async () => {
    const parsed = parse(workbook());
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const summary = await commitImport(parsed, { user: 'u', fileName: 'x.xlsx' });
    expect(summary.planning).toEqual({ applications: 1, researchers: 2, memberships: 3 });
    const first = await stored();
    expect(first.researchers).toEqual([['佐藤 花子', '', '医学部', '教授'], ['山田 太郎', '90050426', '医学部', '教授']]);
    expect(first.members).toEqual([
      ['AP-1', '山田 太郎', 'pi', [{ fiscalYear: 2027, percent: 20 }]],
      ['P-1', '山田 太郎', 'pi', [{ fiscalYear: 2026, percent: 40 }, { fiscalYear: 2027, percent: 30 }]],
      ['P-2', '佐藤 花子', 'co-investigator', [{ fiscalYear: 2026, percent: 10 }]],
    ]);
    const { id: _i, createdAt: _c, updatedAt: _u, ...appFields } = application;
    expect(first.applications).toEqual([appFields]);

    const again = await commitImport(parse(workbook()), { user: 'u', fileName: 'x.xlsx' });
    expect(again.planning).toEqual({ applications: 0, researchers: 0, memberships: 0 });
    expect(await stored()).toEqual(first);
  });

  it('matches researchers by e-Rad number first, else by the folded name, and lays new effort years over stored ones', async () => {
    await db.researchers.bulkPut([researcher('old1', '山田　太郎', '90050426'), researcher('old2', '佐藤花子', '')]);
    await commitImport(parse(workbook()), { user: 'u', fileName: 'x.xlsx' });
    expect((await db.researchers.toArray()).map((r) => r.id).sort()).toEqual(['old1', 'old2']);
    const m = await db.memberships.where('researcherId').equals('old1').toArray();
    expect(m).toHaveLength(2);
  });
});

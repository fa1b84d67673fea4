// The project rules on the app's two write paths, from the shared cases table: the form's save (saveProject as the
// form calls it: stop on warnings, then save on the confirming click) and the Excel import's plan and commit.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/store/db';
import { saveProject } from '../../../renderer/store/projects';
import { buildImportPlan, commitImport } from '../../../renderer/store/import-commit';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import type { ImportedProject, ParsedImport } from '../../../shared/excel/import-types';
import type { ProjectInput } from '../../../shared/portfolio/project-validation';
import { RULE_CASES, VALID_INPUT, caseInput } from '../../shared/portfolio/project-rules-cases';

const programs = BUILTIN_CATALOG.programs;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('form logic (saveProject as ProjectForm calls it)', () => {
  it.each(RULE_CASES.map((c) => [c.rule, c] as const))('%s', async (_, c) => {
    const first = await saveProject(caseInput(c), { programs, stopOnWarnings: true });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.problems.map((p) => [p.rule, p.severity])).toEqual([[c.rule, c.severity]]);
    expect(first.needsConfirmation === true).toBe(c.severity === 'warning');
    // The confirming click: a warning saves (and says so again), an error still refuses.
    const second = await saveProject(caseInput(c), { programs });
    expect(second.ok).toBe(c.severity === 'warning');
    if (second.ok) expect(second.warnings.map((w) => w.rule)).toEqual([c.rule]);
    expect(await db.projects.count()).toBe(c.severity === 'warning' ? 1 : 0);
  });

  it('code-unique: refused, and the form starts from the rules’ defaults', async () => {
    expect((await saveProject(VALID_INPUT, { programs, generateMilestones: false })).ok).toBe(true);
    const again = await saveProject({ ...VALID_INPUT, title: '別の課題' }, { programs });
    expect(!again.ok && again.problems.map((p) => p.rule)).toEqual(['code-unique']);
    const { blankProjectInput } = await import('../../../renderer/store/projects');
    const { defaultProjectFields } = await import('../../../shared/portfolio/project-validation');
    expect(blankProjectInput()).toEqual(defaultProjectFields());
  });
});

function imported(code: string, input: ProjectInput): ImportedProject {
  const { code: _c, ...fields } = input;
  return { sheet: 'S', row: 2, code, fields };
}

function parsedOf(projects: ImportedProject[]): ParsedImport {
  return { format: 'office', sheet: 'S', projects, budgetLines: projects.map((p) => ({ code: p.code, fiscalYear: 2025, directYen: 1000, indirectYen: 300, sheet: 'S', row: p.row })), milestones: [], problems: [], skipped: [], errorRows: [] };
}

describe('Excel import plan (the app’s commit)', () => {
  const opts = () => {
    let n = 0;
    return { now: '2025-06-01T00:00:00Z', newId: () => `id-${++n}` };
  };
  // The plan trusts the pipeline's catalog resolution (ids come from the catalog matcher), so catalog-only rules are not its.
  it.each(RULE_CASES.filter((c) => !c.catalogOnly && c.rule !== 'code-required').map((c) => [c.rule, c] as const))('%s: a new project', (_, c) => {
    const input = caseInput(c);
    const plan = buildImportPlan(parsedOf([imported(input.code, input)]), { projects: [], budgetLines: [], milestones: [] }, opts());
    if (c.severity === 'error') {
      expect(plan.projects).toEqual([]);
      expect(plan.budgetLines).toEqual([]);
      expect(plan.summary.skippedReasons.map((r) => r.reason.en)).toEqual([`rows breaking a project rule (${c.rule})`]);
    } else {
      expect(plan.projects).toHaveLength(1);
      expect(plan.summary.added).toBe(1);
    }
  });

  it('an update that would break a rule is skipped; a row without status or PI fields takes the rules’ defaults', () => {
    const stored = { ...VALID_INPUT, id: 'p1', archived: false, deletedAt: null, createdAt: '', updatedAt: '' };
    const bad = buildImportPlan(parsedOf([{ sheet: 'S', row: 2, code: stored.code, fields: { endDate: '2024-03-31' } }]), { projects: [stored], budgetLines: [], milestones: [] }, opts());
    expect(bad.projects).toEqual([]);
    expect(bad.summary.skipped).toBe(1);
    const fresh = buildImportPlan(parsedOf([{ sheet: 'S', row: 2, code: 'N-1', fields: { title: '新規', funderName: 'JSPS' } }]), { projects: [], budgetLines: [], milestones: [] }, opts());
    expect(fresh.projects[0]).toMatchObject({ status: 'active', piPosition: '', piResearcherNumber: '', programId: null, startDate: null });
  });

  it('commits a row with only warnings and leaves out a row with errors', async () => {
    const warn = caseInput(RULE_CASES.find((c) => c.rule === 'program-or-funder')!, 'W-1');
    const err = caseInput(RULE_CASES.find((c) => c.rule === 'end-after-start')!, 'E-1');
    const summary = await commitImport(parsedOf([imported('W-1', warn), imported('E-1', err)]), { user: 't', fileName: 'a.xlsx' });
    expect(summary).toMatchObject({ added: 1, skipped: 1, budgetLinesWritten: 1 });
    expect((await db.projects.toArray()).map((p) => p.code)).toEqual(['W-1']);
  });
});

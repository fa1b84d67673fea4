// Import records (the CLI's path, no database) from the shared project-rules cases: errors leave the row out with its
// budget lines, warnings are listed and the row kept, defaults are the rules' own, and applying twice changes nothing.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { applyProjectRules, recordsFromImport } from '../../../shared/excel/import-records';
import type { ImportedProject, ParsedImport } from '../../../shared/excel/import-types';
import { catalogChecks, defaultProjectFields } from '../../../shared/portfolio/project-validation';
import type { ProjectInput } from '../../../shared/portfolio/project-validation';
import { RULE_CASES, VALID_INPUT, caseInput } from '../portfolio/project-rules-cases';

const catalog = catalogChecks(BUILTIN_CATALOG.programs);

function row(input: ProjectInput, sheetRow: number): ImportedProject {
  const { code, ...fields } = input;
  return { sheet: 'S', row: sheetRow, code, fields };
}

function parsedOf(projects: ImportedProject[]): ParsedImport {
  return {
    format: 'office', sheet: 'S', projects,
    budgetLines: projects.map((p) => ({ code: p.code, fiscalYear: 2025, directYen: 1000, indirectYen: 300, sheet: 'S', row: p.row })),
    milestones: [], problems: [], skipped: [], errorRows: [],
  };
}

describe('applyProjectRules', () => {
  it.each(RULE_CASES.map((c) => [c.rule, c] as const))('%s', (_, c) => {
    const good = row({ ...VALID_INPUT, code: 'OK-1' }, 2);
    const input = caseInput(c);
    const out = applyProjectRules(parsedOf([good, row(input, 3)]), catalog);
    expect(out.problems.map((p) => [p.row, p.severity])).toEqual([[3, c.severity]]);
    if (c.severity === 'error') {
      expect(out.projects.map((p) => p.row)).toEqual([2]);
      expect(out.errorRows).toEqual([{ sheet: 'S', row: 3 }]);
      expect(out.budgetLines.map((b) => b.code)).toEqual(['OK-1']);
    } else {
      expect(out.projects).toHaveLength(2);
      expect(out.errorRows).toEqual([]);
    }
    expect(applyProjectRules(out, catalog)).toEqual(out);
  });

  it('code-unique: a code repeated on the sheet is an error on the later row', () => {
    const out = applyProjectRules(parsedOf([row(VALID_INPUT, 2), row({ ...VALID_INPUT, title: '別' }, 3)]), catalog);
    expect(out.problems.map((p) => [p.row, p.severity, p.message.en])).toEqual([[3, 'error', `The office ID "${VALID_INPUT.code}" is already in use.`]]);
  });

  it('records take the rules’ defaults for what the sheet does not say', () => {
    const r = recordsFromImport(parsedOf([{ sheet: 'S', row: 2, code: 'N-1', fields: { title: ' 新規 ' } }]), '2025-06-01T00:00:00Z');
    expect(r.projects[0]).toEqual({ ...defaultProjectFields(), code: 'N-1', title: '新規', id: 'N-1', archived: false, deletedAt: null, createdAt: '2025-06-01T00:00:00Z', updatedAt: '2025-06-01T00:00:00Z' });
  });
});

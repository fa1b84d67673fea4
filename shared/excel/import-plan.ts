// Stage 7 of the import, the plan: validated rows → the `ParsedImport` the wizard previews and the CLI prints.
// An ID on more than one row is an error on each; a row with an error is left out with its budget lines and
// milestones; problems come sorted by row.
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ImportProblem, ParsedImport, SkippedRow } from './import-types';
import type { ParsedRow } from './row-parse';

export function buildImportPlan(sheet: string, rows: readonly ParsedRow[], skipped: SkippedRow[], tableProblems: ImportProblem[], codeColumn: string | null): ParsedImport {
  const problems: ImportProblem[] = [...tableProblems];
  const codeRows = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    if (!r.code) continue;
    const list = codeRows.get(r.code);
    if (list) list.push(r);
    else codeRows.set(r.code, [r]);
  }
  const duplicate = new Set<ParsedRow>();
  for (const [code, list] of codeRows) {
    if (list.length < 2) continue;
    const rowsText = list.map((r) => r.row).join(', ');
    for (const r of list) {
      duplicate.add(r);
      problems.push({ sheet, row: r.row, column: codeColumn, severity: 'error', message: `Project ID ${code} appears on more than one row (${rowsText})`, messageJa: `管理番号 ${code} が複数の行にあります（${rowsText}行目）` });
    }
  }
  const projects: ImportedProject[] = [];
  const budgetLines: ImportedBudgetLine[] = [];
  const milestones: ImportedMilestone[] = [];
  const errorRows: { sheet: string; row: number }[] = [];
  for (const r of rows) {
    for (const p of r.problems) problems.push(p);
    if (r.hasError || duplicate.has(r)) {
      errorRows.push({ sheet, row: r.row });
      continue;
    }
    const project: ImportedProject = { sheet, row: r.row, code: r.code, fields: r.fields };
    if (r.funderNameIsCatalogName) project.funderNameIsCatalogName = true;
    projects.push(project);
    for (const b of r.budgets) budgetLines.push(b);
    for (const m of r.milestones) milestones.push(m);
  }
  problems.sort((a, b) => a.row - b.row);
  return { format: 'office', sheet, projects, budgetLines, milestones, problems, skipped, errorRows };
}

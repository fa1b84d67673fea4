// Stage 7 of the import, the plan: validated rows → the `ParsedImport` the wizard previews and the CLI prints.
// An ID on more than one row of a sheet is an error on each; a row with an error is left out with its budget lines
// and milestones. Rows from several sheets of one layout (a sheet per fiscal year) merge by ID: the last sheet's row
// gives the project, every sheet gives its budget lines. Problems come sorted by sheet, then row.
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ImportProblem, ParsedImport, SkippedRow } from './import-types';
import type { ParsedRow } from './row-parse';

/**
 * `sheet` names the result (the first sheet read); each row, problem and record keeps its own sheet. `sheetOrder`
 * lists the sheets read, in workbook order (default: the order the rows come in).
 */
export function buildImportPlan(sheet: string, rows: readonly ParsedRow[], skipped: SkippedRow[], tableProblems: ImportProblem[], codeColumn: string | null, sheetOrder?: readonly string[]): ParsedImport {
  const problems: ImportProblem[] = [...tableProblems];
  const codeRows = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    if (!r.code) continue;
    const key = `${r.sheet}\u0001${r.code}`;
    const list = codeRows.get(key);
    if (list) list.push(r);
    else codeRows.set(key, [r]);
  }
  const duplicate = new Set<ParsedRow>();
  for (const list of codeRows.values()) {
    if (list.length < 2) continue;
    const rowsText = list.map((r) => r.row).join(', ');
    for (const r of list) {
      duplicate.add(r);
      problems.push({ sheet: r.sheet, row: r.row, column: codeColumn, severity: 'error', message: { ja: `管理番号 ${r.code} が複数の行にあります（${rowsText}行目）`, en: `Project ID ${r.code} appears on more than one row (${rowsText})` } });
    }
  }
  const projects: ImportedProject[] = [];
  const projectAt = new Map<string, number>();
  const budgetAt = new Map<string, number>();
  const budgetLines: ImportedBudgetLine[] = [];
  const milestones: ImportedMilestone[] = [];
  const errorRows: { sheet: string; row: number }[] = [];
  for (const r of rows) {
    for (const p of r.problems) problems.push(p);
    if (r.hasError || duplicate.has(r)) {
      errorRows.push({ sheet: r.sheet, row: r.row });
      continue;
    }
    const project: ImportedProject = { sheet: r.sheet, row: r.row, code: r.code, fields: r.fields };
    if (r.funderNameIsCatalogName) project.funderNameIsCatalogName = true;
    // The same ID on a later sheet (next year's list) is the same project: its row is the newer word on the project.
    const at = r.code ? projectAt.get(r.code) : undefined;
    if (at === undefined) {
      if (r.code) projectAt.set(r.code, projects.length);
      projects.push(project);
    } else {
      projects[at] = project;
    }
    for (const b of r.budgets) {
      const key = `${b.code}\u0001${b.fiscalYear}`;
      const prior = budgetAt.get(key);
      if (prior === undefined) {
        budgetAt.set(key, budgetLines.length);
        budgetLines.push(b);
        continue;
      }
      const old = budgetLines[prior]!;
      problems.push({
        sheet: b.sheet, row: b.row, column: null, severity: 'warning',
        message: {
          ja: `${b.code} の${b.fiscalYear}年度はシート「${old.sheet}」${old.row}行目にもあります。この行の金額を取り込みます`,
          en: `FY${b.fiscalYear} of ${b.code} is also on sheet ${old.sheet} row ${old.row}; this row's figures are imported`,
        },
      });
      budgetLines[prior] = b;
    }
    for (const m of r.milestones) {
      if (!milestones.some((x) => x.sheet !== m.sheet && x.code === m.code && x.kind === m.kind && x.dueDate === m.dueDate)) milestones.push(m);
    }
  }
  const order = sheetOrder ?? [...new Set(rows.map((r) => r.sheet))];
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  problems.sort((a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row);
  return { format: 'office', sheet, projects, budgetLines, milestones, problems, skipped, errorRows };
}

// Stage 7 of the import, the plan: validated rows → the `ParsedImport` the wizard previews and the CLI prints.
// An ID on more than one row of a sheet is an error on each; a row with an error is left out with its budget lines
// and milestones. Rows from several sheets of one layout (a sheet per fiscal year) merge by ID: the last sheet's row
// gives the project, every sheet gives its budget lines. Problems come sorted by sheet, then row. The rows' people
// become researchers and members (the PI as 研究代表者, each 研究分担者), matched later by e-Rad number or name.
import type { ImportedBudgetLine, ImportedMilestone, ImportedPlanning, ImportedProject, ImportProblem, ParsedImport, SkippedRow } from './import-types';
import { fold } from '../text/fold';
import { researcherKey } from './members-sheet';
import type { ImportedMembership, ImportedResearcher } from './members-sheet';
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
  const result: ParsedImport = { format: 'office', sheet, projects, budgetLines, milestones, problems, skipped, errorRows };
  const planning = peopleOf(rows.filter((r) => !r.hasError && !duplicate.has(r)));
  if (planning.researchers.length) result.planning = planning;
  return result;
}

/**
 * The rows' people as researchers (one per e-Rad number, else per folded name; the first row that says a department
 * or position gives it) and members of the projects by 管理番号 (the same person on the same ID from two sheets is one
 * member, the later sheet's effort years laid over the earlier).
 */
function peopleOf(rows: readonly ParsedRow[]): ImportedPlanning {
  const researchers = new Map<string, ImportedResearcher>();
  const members = new Map<string, ImportedMembership>();
  for (const r of rows) {
    for (const p of r.people) {
      const key = researcherKey(p.researcherNumber, p.name);
      const known = researchers.get(key);
      if (!known) {
        researchers.set(key, { key, name: p.name, nameReading: '', eradResearcherNumber: p.researcherNumber, researchmapId: '', department: p.department, position: p.position, sheet: r.sheet, row: r.row });
      } else {
        known.department ||= p.department;
        known.position ||= p.position;
      }
      const memberKey = `${r.code}\u0000${key}`;
      const m = members.get(memberKey);
      if (!m) {
        members.set(memberKey, { code: r.code, applicationCode: '', researcherKey: key, role: p.role, effort: [...p.effort], sheet: r.sheet, row: r.row });
        continue;
      }
      if (p.role === 'pi') m.role = 'pi';
      for (const e of p.effort) {
        const at = m.effort.findIndex((x) => x.fiscalYear === e.fiscalYear);
        if (at >= 0) m.effort[at] = e;
        else m.effort.push(e);
      }
      m.effort.sort((a, b) => a.fiscalYear - b.fiscalYear);
    }
  }
  // A name written without a number on one row is the numbered researcher of that name on another (when only one has it).
  const numberedByName = new Map<string, string | null>();
  for (const r of researchers.values()) {
    if (!r.eradResearcherNumber) continue;
    const name = fold(r.name);
    numberedByName.set(name, numberedByName.has(name) ? null : r.key);
  }
  for (const r of [...researchers.values()]) {
    const target = r.eradResearcherNumber ? null : numberedByName.get(fold(r.name));
    if (!target) continue;
    const numbered = researchers.get(target)!;
    numbered.department ||= r.department;
    numbered.position ||= r.position;
    researchers.delete(r.key);
    for (const m of members.values()) if (m.researcherKey === r.key) m.researcherKey = target;
  }
  return { applications: [], researchers: [...researchers.values()], memberships: [...members.values()] };
}

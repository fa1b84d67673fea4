// Reading the standard workbook: the app's own layout, recognised before any inference and read by this thin stage of
// its own (a header lookup per sheet, then constant work per cell), since the 50,000-project workbook is benchmarked.
// Formula-neutralised text is restored; budget and milestone rows must name a project.
import type { Bilingual } from '../domain/message';
import { milestoneKindFromText, milestoneStatusFromText, projectStatusFromText } from '../domain/labels';
import type { MilestoneKind, MilestoneStatus } from '../domain/types';
import { fold } from '../text/fold';
import { cellRawText, parseAmountCell, parseDateCell, parseFiscalYearCell, researcherNumberText } from './cell-values';
import { columnLetter } from './import-types';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ImportProblem, ParsedImport, Severity, SkippedRow } from './import-types';
import { resolveProgramCells, type ProgramResolver } from './program-resolve';
import { problem } from './row-parse';
import { readApplicationsSheets } from './applications-sheet';
import { readMembersSheets } from './members-sheet';
import type { Cell, SheetGrid } from './sheetjs';
import {
  BUDGET_HEADERS, MILESTONE_HEADERS, PROJECT_HEADERS, restoreText, SHEET_NAMES,
} from './standard-workbook';
import type { BUDGET_COLUMNS, MILESTONE_COLUMNS, PROJECT_COLUMNS } from './standard-workbook';

type ProjectColumn = (typeof PROJECT_COLUMNS)[number];
type BudgetColumn = (typeof BUDGET_COLUMNS)[number];
type MilestoneColumn = (typeof MILESTONE_COLUMNS)[number];

type HeaderTable<K extends string> = Readonly<Record<K, { en: string; ja: string }>>;


/** Column index of every standard header found in row 1 (English or Japanese), or null when a required one is missing. */
function locate<K extends string>(row: readonly Cell[] | undefined, table: HeaderTable<K>, required: readonly NoInfer<K>[]): Map<K, number> | null {
  if (!row) return null;
  const wanted = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) {
    wanted.set(fold(table[key].en), key);
    wanted.set(fold(table[key].ja), key);
  }
  const found = new Map<K, number>();
  row.forEach((cell, c) => {
    const key = wanted.get(fold(cellRawText(cell)));
    if (key !== undefined && !found.has(key)) found.set(key, c);
  });
  return required.every((k) => found.has(k)) ? found : null;
}

function findSheet(sheets: readonly SheetGrid[], names: { en: string; ja: string }): SheetGrid | undefined {
  return sheets.find((s) => s.name === names.en || s.name === names.ja) ?? sheets.find((s) => fold(s.name) === fold(names.en) || fold(s.name) === fold(names.ja));
}

/** True when the workbook is a standard workbook (a Projects/課題 sheet whose first row has the standard headers). */
export function isStandardWorkbook(sheets: readonly SheetGrid[]): boolean {
  const projects = findSheet(sheets, SHEET_NAMES.projects);
  return Boolean(projects && locate(projects.rows[0], PROJECT_HEADERS, ['code', 'title']));
}

const EXAMPLE_CODE = /^(?:[(（]?例|example)/i;

/**
 * Reads a standard workbook. Every column is optional except Project ID and Title on Projects (a missing column
 * leaves that field of existing projects as it is). Budgets and Milestones rows must name a Project ID.
 */

const isBlank = (row: readonly Cell[] | undefined) => !row || row.every((c) => c === null || (typeof c === 'string' && !c.trim()));
const txt = (row: readonly Cell[], c: number | undefined) => (c === undefined ? '' : restoreText(cellRawText(row[c] ?? null)));

/** What every sheet's reader adds to. */
interface Collected {
  problems: ImportProblem[];
  skipped: SkippedRow[];
  errorRows: { sheet: string; row: number }[];
}

/** Project IDs read on the Projects sheet: imported, or on a row with an error. */
interface ProjectCodes {
  good: Set<string>;
  bad: Set<string>;
}

/** The Projects sheet: first pass collects codes to find duplicates, second builds records. */
function readProjectsSheet(projectSheet: SheetGrid, pcols: Map<ProjectColumn, number>, resolver: ProgramResolver, out: Collected, codes: ProjectCodes): ImportedProject[] {
  const projects: ImportedProject[] = [];
  const sheetName = projectSheet.name;
  const codeRows = new Map<string, number[]>();
  const rows = projectSheet.rows;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlank(row)) continue;
    const code = txt(row!, pcols.get('code'));
    if (!code) continue;
    const list = codeRows.get(code);
    if (list) list.push(r + 1);
    else codeRows.set(code, [r + 1]);
  }
  const has = (k: ProjectColumn) => pcols.has(k);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const sheetRow = r + 1;
    if (isBlank(row)) {
      out.skipped.push({ sheet: sheetName, row: sheetRow, reason: { en: 'blank row', ja: '空行' } });
      continue;
    }
    let hasError = false;
    const add = (col: ProjectColumn | null, severity: Severity, reason: Bilingual) => {
      if (severity === 'error') hasError = true;
      out.problems.push(problem(sheetName, sheetRow, col === null || !pcols.has(col) ? null : columnLetter(pcols.get(col)!), severity, reason));
    };
    const code = txt(row!, pcols.get('code'));
    const title = txt(row!, pcols.get('title'));
    if (EXAMPLE_CODE.test(code)) {
      out.skipped.push({ sheet: sheetName, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
      continue;
    }
    if (!code) add('code', 'error', { en: 'Project ID is empty', ja: '管理番号が空です' });
    if (!title) add('title', 'error', { en: 'Title is empty', ja: '課題名が空です' });
    const dupRows = code ? codeRows.get(code) : undefined;
    if (dupRows && dupRows.length > 1) add('code', 'error', { en: `Project ID ${code} appears on more than one row (${dupRows.join(', ')})`, ja: `管理番号 ${code} が複数の行にあります（${dupRows.join(', ')}行目）` });

    const fields: ImportedProject['fields'] = { title };
    for (const k of ['pi', 'department', 'amedNumber', 'eradNumber', 'notes', 'piPosition'] as const) if (has(k)) fields[k] = txt(row!, pcols.get(k));
    if (has('piResearcherNumber')) {
      const n = researcherNumberText(row![pcols.get('piResearcherNumber')!] ?? null);
      if (n === null) add('piResearcherNumber', 'warning', { en: 'The researcher number is not 8 digits; left empty', ja: '研究者番号が8桁の数字ではないため、空欄にします' });
      fields.piResearcherNumber = n ?? '';
    }
    let funderNameIsCatalogName = false;
    if (has('programId') || has('program')) {
      const idText = txt(row!, pcols.get('programId'));
      const name = txt(row!, pcols.get('program'));
      const { programId, trackId, problems: programProblems } = resolveProgramCells(resolver, { idText, name, trackText: txt(row!, pcols.get('track')) }, { reportUnknownName: true });
      for (const p of programProblems) add(p.column, 'warning', p.message);
      fields.programId = programId;
      fields.trackId = trackId;
      fields.funderName = name;
      funderNameIsCatalogName = programId !== null && resolver.isCatalogName(programId, name);
    }
    for (const [k, side] of [['start', 'start'], ['end', 'end']] as const) {
      if (!has(k)) continue;
      const d = parseDateCell(row![pcols.get(k)!] ?? null, side);
      if (d.kind === 'error') add(k, 'error', d.reason);
      const value = d.kind === 'value' ? d.value : null;
      if (k === 'start') fields.startDate = value;
      else fields.endDate = value;
    }
    if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
      add('end', 'error', { en: `The end (${fields.endDate}) is before the start (${fields.startDate})`, ja: `終了日（${fields.endDate}）が開始日（${fields.startDate}）より前です` });
    }
    if (has('status')) {
      const s = txt(row!, pcols.get('status'));
      const status = s ? projectStatusFromText(s) : null;
      if (status) fields.status = status;
      else if (s) add('status', 'warning', { en: `Unknown status "${s}"; left as it is`, ja: `状態「${s}」は不明のため、変更しません` });
    }
    if (hasError) {
      out.errorRows.push({ sheet: sheetName, row: sheetRow });
      if (code) codes.bad.add(code);
      continue;
    }
    codes.good.add(code);
    const record: ImportedProject = { sheet: sheetName, row: sheetRow, code, fields };
    if (funderNameIsCatalogName) record.funderNameIsCatalogName = true;
    projects.push(record);
  }

  return projects;
}

function parentCheck(out: Collected, codes: ProjectCodes, sheet: string, sheetRow: number, code: string, colLetter: string | null): Severity | null {
  if (!code) {
    out.problems.push(problem(sheet, sheetRow, colLetter, 'error', { en: 'Project ID is empty', ja: '管理番号が空です' }));
    return 'error';
  }
  if (codes.bad.has(code)) {
    out.problems.push(problem(sheet, sheetRow, colLetter, 'error', { en: `Project ${code} has an error on the Projects sheet; this row is not imported`, ja: `課題 ${code} の行にエラーがあるため、この行は取り込みません` }));
    return 'error';
  }
  if (!codes.good.has(code)) {
    out.problems.push(problem(sheet, sheetRow, colLetter, 'warning', { en: `Project ${code} is not on the Projects sheet; applied to the stored project with this ID, if any`, ja: `課題 ${code} は課題シートにありません。登録済みの同じ管理番号の課題に反映します（なければ取り込みません）` }));
    return 'warning';
  }
  return null;
}

/** The Budgets sheet, when the workbook has one. */
function readBudgetsSheet(sheets: readonly SheetGrid[], out: Collected, codes: ProjectCodes): ImportedBudgetLine[] {
  const budgetLines: ImportedBudgetLine[] = [];
  const budgetSheet = findSheet(sheets, SHEET_NAMES.budgets);
  const bcols = budgetSheet ? locate(budgetSheet.rows[0], BUDGET_HEADERS, ['code', 'fiscalYear']) : null;
  if (budgetSheet && !bcols) {
    out.problems.push(problem(budgetSheet.name, 1, null, 'error', { en: 'The Budgets sheet has no Project ID / Fiscal Year header; it is not imported', ja: '予算シートに管理番号・年度の見出しがないため、取り込みません' }));
  }
  if (budgetSheet && bcols) {
    const seen = new Map<string, number>();
    for (let r = 1; r < budgetSheet.rows.length; r++) {
      const row = budgetSheet.rows[r];
      const sheetRow = r + 1;
      if (isBlank(row)) continue;
      const code = txt(row!, bcols.get('code'));
      if (EXAMPLE_CODE.test(code)) {
        out.skipped.push({ sheet: budgetSheet.name, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
        continue;
      }
      const letter = (k: BudgetColumn | null) => (k !== null && bcols.has(k) ? columnLetter(bcols.get(k)!) : null);
      let hasError = parentCheck(out, codes, budgetSheet.name, sheetRow, code, letter('code')) === 'error';
      const fy = parseFiscalYearCell(row![bcols.get('fiscalYear')!] ?? null);
      const err = (k: BudgetColumn | null, reason: Bilingual, severity: Severity = 'error') => {
        if (severity === 'error') hasError = true;
        out.problems.push(problem(budgetSheet.name, sheetRow, letter(k), severity, reason));
      };
      if (fy.kind !== 'value') err('fiscalYear', fy.kind === 'error' ? fy.reason : { en: 'Fiscal year is empty', ja: '年度が空です' });
      const amounts: Record<'direct' | 'indirect', number | null> = { direct: null, indirect: null };
      const missing: string[] = [];
      for (const k of ['direct', 'indirect'] as const) {
        const c = bcols.get(k);
        const a = c === undefined ? ({ kind: 'empty', text: '' } as const) : parseAmountCell(row![c] ?? null, 1);
        if (a.kind === 'error') err(k, a.reason);
        else if (a.kind === 'value') amounts[k] = a.value;
        else missing.push(BUDGET_HEADERS[k].en);
      }
      if (!hasError && (amounts.direct === null || amounts.indirect === null)) {
        err(null, { en: `${missing.join(' and ')} has no figure; this budget line is not imported (a missing figure is never stored as 0)`, ja: `${missing.join('・')}に金額がないため、この予算行は取り込みません（空欄を0円にはしません）` }, 'warning');
        continue;
      }
      if (fy.kind === 'value' && code) {
        const key = `${code}\u0000${fy.value}`;
        const first = seen.get(key);
        if (first !== undefined) err('fiscalYear', { en: `Project ${code} already has FY${fy.value} on row ${first}`, ja: `課題 ${code} の${fy.value}年度は${first}行目にもあります` });
        else seen.set(key, sheetRow);
      }
      if (hasError || fy.kind !== 'value') {
        out.errorRows.push({ sheet: budgetSheet.name, row: sheetRow });
        continue;
      }
      budgetLines.push({ code, sheet: budgetSheet.name, row: sheetRow, fiscalYear: fy.value, directYen: amounts.direct!, indirectYen: amounts.indirect! });
    }
  }

  return budgetLines;
}

/** The Milestones sheet, when the workbook has one. */
function readMilestonesSheet(sheets: readonly SheetGrid[], out: Collected, codes: ProjectCodes): ImportedMilestone[] {
  const milestones: ImportedMilestone[] = [];
  const milestoneSheet = findSheet(sheets, SHEET_NAMES.milestones);
  const mcols = milestoneSheet ? locate(milestoneSheet.rows[0], MILESTONE_HEADERS, ['code', 'title', 'due']) : null;
  if (milestoneSheet && !mcols) {
    out.problems.push(problem(milestoneSheet.name, 1, null, 'error', { en: 'The Milestones sheet has no Project ID / Title / Due header; it is not imported', ja: 'マイルストーンシートに管理番号・件名・期日の見出しがないため、取り込みません' }));
  }
  if (milestoneSheet && mcols) {
    for (let r = 1; r < milestoneSheet.rows.length; r++) {
      const row = milestoneSheet.rows[r];
      const sheetRow = r + 1;
      if (isBlank(row)) continue;
      const code = txt(row!, mcols.get('code'));
      if (EXAMPLE_CODE.test(code)) {
        out.skipped.push({ sheet: milestoneSheet.name, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
        continue;
      }
      const letter = (k: MilestoneColumn) => (mcols.has(k) ? columnLetter(mcols.get(k)!) : null);
      let hasError = parentCheck(out, codes, milestoneSheet.name, sheetRow, code, letter('code')) === 'error';
      const err = (k: MilestoneColumn, reason: Bilingual, severity: Severity = 'error') => {
        if (severity === 'error') hasError = true;
        out.problems.push(problem(milestoneSheet.name, sheetRow, letter(k), severity, reason));
      };
      const title = txt(row!, mcols.get('title'));
      if (!title) err('title', { en: 'Title is empty', ja: '件名が空です' });
      const due = parseDateCell(row![mcols.get('due')!] ?? null, 'day');
      if (due.kind !== 'value') err('due', due.kind === 'error' ? due.reason : { en: 'Due date is empty', ja: '期日が空です' });
      const kindText = txt(row!, mcols.get('kind'));
      let kind: MilestoneKind = 'other';
      if (kindText) {
        const k = milestoneKindFromText(kindText);
        if (k) kind = k;
        else err('kind', { en: `Unknown kind "${kindText}"; imported as other`, ja: `種別「${kindText}」は不明のため「その他」として取り込みます` }, 'warning');
      }
      const statusText = txt(row!, mcols.get('status'));
      let status: MilestoneStatus = 'planned';
      if (statusText) {
        const s = milestoneStatusFromText(statusText);
        if (s) status = s;
        else err('status', { en: `Unknown status "${statusText}"; imported as planned`, ja: `状態「${statusText}」は不明のため「予定」として取り込みます` }, 'warning');
      }
      let doneDate: string | null = null;
      if (mcols.has('done')) {
        const d = parseDateCell(row![mcols.get('done')!] ?? null, 'day');
        if (d.kind === 'error') err('done', d.reason);
        else if (d.kind === 'value') doneDate = d.value;
      }
      if (hasError || due.kind !== 'value') {
        out.errorRows.push({ sheet: milestoneSheet.name, row: sheetRow });
        continue;
      }
      milestones.push({ code, sheet: milestoneSheet.name, row: sheetRow, kind, title, dueDate: due.value, status, doneDate, notes: txt(row!, mcols.get('notes')) });
    }
  }

  return milestones;
}

/**
 * Reads a standard workbook. Every column is optional except Project ID and Title on Projects (a missing column
 * leaves that field of existing projects as it is). Budgets and Milestones rows must name a Project ID.
 */
export function readStandardWorkbook(sheets: readonly SheetGrid[], resolver: ProgramResolver): ParsedImport {
  const out: Collected = { problems: [], skipped: [], errorRows: [] };
  const codes: ProjectCodes = { good: new Set(), bad: new Set() };
  const projectSheet = findSheet(sheets, SHEET_NAMES.projects)!;
  const pcols = locate(projectSheet.rows[0], PROJECT_HEADERS, ['code', 'title'])!;
  const projects = readProjectsSheet(projectSheet, pcols, resolver, out, codes);
  const budgetLines = readBudgetsSheet(sheets, out, codes);
  const milestones = readMilestonesSheet(sheets, out, codes);
  const parsed: ParsedImport = { format: 'standard', sheet: projectSheet.name, projects, budgetLines, milestones, ...out };
  // The planning sheets (docs/planning.md, "Workbooks"): each read by its own module, their problems listed with the rest.
  const apps = readApplicationsSheets(sheets, resolver);
  const members = readMembersSheets(sheets);
  parsed.problems.push(...apps.problems, ...members.problems);
  if (apps.applications.length || members.researchers.length || members.memberships.length) {
    parsed.planning = { applications: apps.applications, researchers: members.researchers, memberships: members.memberships };
  }
  return parsed;
}

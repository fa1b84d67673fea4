// The standard workbook: the app's own exchange format (Projects, Budgets, Milestones sheets), written with real date
// cells and yen-formatted numbers, read back with no mapping step, in English or Japanese headers. Text that a
// spreadsheet could take for a formula is neutralised with a leading apostrophe (U+0027) and restored on import.
import type { BudgetLine, Milestone, MilestoneKind, MilestoneStatus, Project, ProjectStatus } from '../domain/types';
import { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES } from '../domain/types';
import type { CatalogProgram } from '../catalog/schema';
import { cellRawText, normalizeText, parseAmountCell, parseDateCell, parseFiscalYearCell, researcherNumberText } from './cell-values';
import type { Reason } from './cell-values';
import { columnLetter } from './import-types';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ImportProblem, ParsedImport, Severity, SkippedRow } from './import-types';
import { parseStatus, problem } from './row-parse';
import type { ProgramResolver } from './program-resolve';
import type { Cell, SheetGrid, SheetLayout, SheetSpec } from './sheetjs';

export type WorkbookLanguage = 'en' | 'ja';

export const PROJECT_COLUMNS = ['code', 'title', 'pi', 'department', 'programId', 'program', 'track', 'start', 'end', 'status', 'amedNumber', 'eradNumber', 'notes', 'piPosition', 'piResearcherNumber'] as const;
export const BUDGET_COLUMNS = ['code', 'fiscalYear', 'direct', 'indirect'] as const;
export const MILESTONE_COLUMNS = ['code', 'kind', 'title', 'due', 'status', 'done', 'notes'] as const;

type ProjectColumn = (typeof PROJECT_COLUMNS)[number];
type BudgetColumn = (typeof BUDGET_COLUMNS)[number];
type MilestoneColumn = (typeof MILESTONE_COLUMNS)[number];

export const SHEET_NAMES = {
  projects: { en: 'Projects', ja: '課題' },
  budgets: { en: 'Budgets', ja: '予算' },
  milestones: { en: 'Milestones', ja: 'マイルストーン' },
  instructions: { en: 'Instructions', ja: '記入方法' },
} as const;

export const PROJECT_HEADERS: Readonly<Record<ProjectColumn, { en: string; ja: string }>> = {
  code: { en: 'Project ID', ja: '管理番号' },
  title: { en: 'Title', ja: '課題名' },
  pi: { en: 'PI', ja: '研究代表者' },
  department: { en: 'Department', ja: '所属' },
  programId: { en: 'Program ID', ja: '事業ID' },
  program: { en: 'Program', ja: '事業名' },
  track: { en: 'Track', ja: 'タイプ' },
  start: { en: 'Start', ja: '開始日' },
  end: { en: 'End', ja: '終了日' },
  status: { en: 'Status', ja: '状態' },
  amedNumber: { en: 'AMED No.', ja: 'AMED課題番号' },
  eradNumber: { en: 'e-Rad No.', ja: 'e-Rad課題番号' },
  notes: { en: 'Notes', ja: '備考' },
  piPosition: { en: 'PI Position', ja: '職名' },
  piResearcherNumber: { en: 'PI Researcher No.', ja: '研究者番号' },
};

export const BUDGET_HEADERS: Readonly<Record<BudgetColumn, { en: string; ja: string }>> = {
  code: { en: 'Project ID', ja: '管理番号' },
  fiscalYear: { en: 'Fiscal Year', ja: '年度' },
  direct: { en: 'Direct (JPY)', ja: '直接経費（円）' },
  indirect: { en: 'Indirect (JPY)', ja: '間接経費（円）' },
};

export const MILESTONE_HEADERS: Readonly<Record<MilestoneColumn, { en: string; ja: string }>> = {
  code: { en: 'Project ID', ja: '管理番号' },
  kind: { en: 'Kind', ja: '種別' },
  title: { en: 'Title', ja: '件名' },
  due: { en: 'Due', ja: '期日' },
  status: { en: 'Status', ja: '状態' },
  done: { en: 'Done', ja: '完了日' },
  notes: { en: 'Notes', ja: '備考' },
};

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, { en: string; ja: string }>> = {
  applying: { en: 'applying', ja: '申請中' },
  active: { en: 'active', ja: '実施中' },
  completed: { en: 'completed', ja: '終了' },
  terminated: { en: 'terminated', ja: '中止' },
};

export const MILESTONE_KIND_LABELS: Readonly<Record<MilestoneKind, { en: string; ja: string }>> = {
  'stage-gate': { en: 'stage-gate', ja: 'ステージゲート' },
  'interim-evaluation': { en: 'interim-evaluation', ja: '中間評価' },
  'final-evaluation': { en: 'final-evaluation', ja: '事後評価' },
  'annual-report': { en: 'annual-report', ja: '年次報告' },
  'outcome-report': { en: 'outcome-report', ja: '成果報告' },
  contract: { en: 'contract', ja: '契約' },
  internal: { en: 'internal', ja: '学内' },
  other: { en: 'other', ja: 'その他' },
};

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, { en: string; ja: string }>> = {
  planned: { en: 'planned', ja: '予定' },
  submitted: { en: 'submitted', ja: '提出済' },
  passed: { en: 'passed', ja: '通過' },
  'conditionally-passed': { en: 'conditionally-passed', ja: '条件付き通過' },
  failed: { en: 'failed', ja: '不通過' },
  done: { en: 'done', ja: '完了' },
};

/** Yen number format: digits grouped, no decimals. */
export const YEN_FORMAT = { en: '"¥"#,##0', ja: '#,##0"円"' } as const;
export const DATE_FORMAT = 'yyyy-mm-dd';

const FORMULA_START = /^[=+\-@\t\r\n]/;
const ESCAPED = /^'+[=+\-@\t\r\n]/;

/**
 * Neutralises text a spreadsheet could run as a formula (starting with = + - @, tab, CR or LF) by prefixing one
 * apostrophe (U+0027). Text that already looks neutralised ('=…, ''=…) gets one more, so `restoreText` is its exact
 * inverse for every string.
 */
export function neutralizeText(text: string): string {
  return FORMULA_START.test(text) || ESCAPED.test(text) ? `'${text}` : text;
}

/** Inverse of `neutralizeText`: removes the one apostrophe the export added. */
export function restoreText(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

export interface StandardWorkbookInput {
  projects: readonly Project[];
  budgetLines: readonly BudgetLine[];
  milestones: readonly Milestone[];
  /** Catalog, for the Program column of projects without a funder name. */
  programs: readonly CatalogProgram[];
  lang: WorkbookLanguage;
}

/** Text cell, neutralised; an empty text is an empty cell. */
const t = (s: string): Cell => (s ? neutralizeText(s) : null);

/** Column layout of each standard sheet (name, widths, number formats), without rows: fixed by the language. */
export function standardSheetLayouts(lang: WorkbookLanguage): { projects: SheetLayout; budgets: SheetLayout; milestones: SheetLayout } {
  return {
    projects: { name: SHEET_NAMES.projects[lang], colWidths: [14, 48, 16, 24, 28, 40, 28, 12, 12, 12, 16, 16, 40, 12, 14], numFmts: { 7: DATE_FORMAT, 8: DATE_FORMAT }, freezeRows: 1 },
    budgets: { name: SHEET_NAMES.budgets[lang], colWidths: [14, 12, 18, 18], numFmts: { 2: YEN_FORMAT[lang], 3: YEN_FORMAT[lang] }, freezeRows: 1 },
    milestones: { name: SHEET_NAMES.milestones[lang], colWidths: [14, 20, 40, 12, 20, 12, 40], numFmts: { 3: DATE_FORMAT, 5: DATE_FORMAT }, freezeRows: 1 },
  };
}

/** 管理番号 by project id of every project the standard workbook holds (the trash is left out). */
export function exportedProjectCodes(projects: readonly Pick<Project, 'id' | 'code' | 'deletedAt'>[]): Map<string, string> {
  const codeById = new Map<string, string>();
  for (const p of projects) if (!p.deletedAt) codeById.set(p.id, p.code);
  return codeById;
}

/**
 * Rows of the Projects sheet (header first) and the 管理番号 of every project written, by project id. Projects in
 * the trash are left out. Dates are date cells.
 */
export function projectSheetRows(
  projects: readonly Project[],
  programs: readonly Pick<CatalogProgram, 'id' | 'nameJa' | 'nameEn'>[],
  lang: WorkbookLanguage,
): { rows: Cell[][]; codeById: Map<string, string> } {
  const programName = new Map(programs.map((p) => [p.id, lang === 'ja' ? p.nameJa : p.nameEn || p.nameJa]));
  const codeById = new Map<string, string>();
  const rows: Cell[][] = [PROJECT_COLUMNS.map((c) => PROJECT_HEADERS[c][lang])];
  for (const p of projects) {
    if (p.deletedAt) continue;
    codeById.set(p.id, p.code);
    const program = p.funderName || (p.programId ? (programName.get(p.programId) ?? '') : '');
    rows.push([
      t(p.code), t(p.title), t(p.pi), t(p.department), p.programId, t(program), p.trackId,
      p.startDate ? { kind: 'date', iso: p.startDate } : null, p.endDate ? { kind: 'date', iso: p.endDate } : null,
      PROJECT_STATUS_LABELS[p.status][lang], t(p.amedNumber), t(p.eradNumber), t(p.notes), t(p.piPosition), t(p.piResearcherNumber),
    ]);
  }
  return { rows, codeById };
}

/**
 * Rows of the Budgets sheet (header first): fiscal years as 4-digit western years, amounts whole yen. Lines of
 * projects not in `codeById` (trashed or missing) are left out.
 */
export function budgetSheetRows(budgetLines: readonly BudgetLine[], codeById: ReadonlyMap<string, string>, lang: WorkbookLanguage): Cell[][] {
  const rows: Cell[][] = [BUDGET_COLUMNS.map((c) => BUDGET_HEADERS[c][lang])];
  for (const b of budgetLines) {
    const code = codeById.get(b.projectId);
    if (code === undefined) continue;
    rows.push([t(code), b.fiscalYear, b.directYen, b.indirectYen]);
  }
  return rows;
}

/** Rows of the Milestones sheet (header first); milestones of projects not in `codeById` are left out. */
export function milestoneSheetRows(milestones: readonly Milestone[], codeById: ReadonlyMap<string, string>, lang: WorkbookLanguage): Cell[][] {
  const rows: Cell[][] = [MILESTONE_COLUMNS.map((c) => MILESTONE_HEADERS[c][lang])];
  for (const m of milestones) {
    const code = codeById.get(m.projectId);
    if (code === undefined) continue;
    rows.push([
      t(code), MILESTONE_KIND_LABELS[m.kind][lang], t(m.title), { kind: 'date', iso: m.dueDate }, MILESTONE_STATUS_LABELS[m.status][lang],
      m.doneDate ? { kind: 'date', iso: m.doneDate } : null, t(m.notes),
    ]);
  }
  return rows;
}

/**
 * Sheets of the standard workbook. Projects in the trash are left out; budget lines and milestones follow their
 * project's ID (管理番号). Dates are date cells, fiscal years 4-digit western years, amounts whole yen.
 */
export function standardWorkbookSheets(input: StandardWorkbookInput): SheetSpec[] {
  const { lang } = input;
  const layouts = standardSheetLayouts(lang);
  const { rows, codeById } = projectSheetRows(input.projects, input.programs, lang);
  return [
    { ...layouts.projects, rows },
    { ...layouts.budgets, rows: budgetSheetRows(input.budgetLines, codeById, lang) },
    { ...layouts.milestones, rows: milestoneSheetRows(input.milestones, codeById, lang) },
  ];
}

/** Instructions sheet of the template, in the template's language. */
export function instructionsSheet(lang: WorkbookLanguage): SheetSpec {
  const lines =
    lang === 'ja'
      ? [
          ['Grant Portfolio 標準ブック 記入方法'],
          [''],
          ['シート「課題」：1行に1課題。管理番号は必須で、再取込のときはこの番号で既存の課題を更新します。'],
          ['シート「予算」：管理番号・年度（西暦4桁、例 2025）・直接経費（円）・間接経費（円）。1課題1年度につき1行。'],
          ['シート「マイルストーン」：管理番号・種別・件名・期日・状態・完了日・備考。'],
          ['日付は日付セル、または 2025/4/1・R7.4.1・令和7年4月1日 のように入力できます。'],
          ['金額は円単位の数値で入力します。未定の場合は空欄にしてください（0円とは扱いません）。'],
          ['事業ID はカタログの事業ID（例 medical-device-development）です。分からなければ空欄にして事業名を入力してください。'],
          [`状態：${PROJECT_STATUSES.map((s) => PROJECT_STATUS_LABELS[s].ja).join('・')}。種別：${MILESTONE_KINDS.map((k) => MILESTONE_KIND_LABELS[k].ja).join('・')}。`],
          [`マイルストーンの状態：${MILESTONE_STATUSES.map((s) => MILESTONE_STATUS_LABELS[s].ja).join('・')}。`],
          ['管理番号が「例」で始まる行は記入例として取り込まれません。'],
          ['＝や＋で始まる文字列は、数式と見なされないよう先頭にアポストロフィ（\'）を付けて出力されます。取込時に外されます。'],
        ]
      : [
          ['Grant Portfolio standard workbook: how to fill it in'],
          [''],
          ['Sheet "Projects": one project per row. Project ID is required; importing again updates the project with that ID.'],
          ['Sheet "Budgets": Project ID, Fiscal Year (4-digit western year, e.g. 2025), Direct (JPY), Indirect (JPY); one row per project and year.'],
          ['Sheet "Milestones": Project ID, Kind, Title, Due, Status, Done, Notes.'],
          ['Dates may be date cells or text such as 2025/4/1, R7.4.1 or 令和7年4月1日.'],
          ['Amounts are whole yen. Leave a cell blank when the figure is not known yet (it is never read as 0).'],
          ['Program ID is the catalog id (e.g. medical-device-development); leave it blank and write the Program name if unsure.'],
          [`Status: ${PROJECT_STATUSES.join(', ')}. Kind: ${MILESTONE_KINDS.join(', ')}.`],
          [`Milestone status: ${MILESTONE_STATUSES.join(', ')}.`],
          ['Rows whose Project ID starts with "EXAMPLE" or 例 are examples and are not imported.'],
          ["Text starting with = + - @ is written with a leading apostrophe (') so no spreadsheet runs it as a formula; the import removes it."],
        ];
  return { name: SHEET_NAMES.instructions[lang], rows: lines, colWidths: [120] };
}

/** A blank standard workbook with one example row per sheet and an instructions sheet. */
export function templateSheets(lang: WorkbookLanguage): SheetSpec[] {
  const example: Project = {
    id: 'example', code: lang === 'ja' ? '例-0001' : 'EXAMPLE-0001', title: lang === 'ja' ? '（記入例）新規医療機器の開発' : '(example) Development of a new medical device',
    pi: lang === 'ja' ? '山田 太郎' : 'Taro Yamada', department: lang === 'ja' ? '医学研究科' : 'Graduate School of Medicine', piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [],
    programId: 'medical-device-development', trackId: 'medical-device-development/practical', funderName: '', amedNumber: '', eradNumber: '',
    startDate: '2025-04-01', endDate: '2028-03-31', status: 'active', tags: [], notes: '', archived: false, deletedAt: null, createdAt: '', updatedAt: '',
  };
  const sheets = standardWorkbookSheets({
    projects: [example],
    budgetLines: [{ id: 'b', projectId: 'example', fiscalYear: 2025, directYen: 10_000_000, indirectYen: 3_000_000 }],
    milestones: [{ id: 'm', projectId: 'example', kind: 'stage-gate', title: lang === 'ja' ? 'ステージゲート評価（1年目）' : 'Stage gate (year 1)', dueDate: '2026-03-31', status: 'planned', doneDate: null, notes: '', origin: 'user' }],
    programs: [],
    lang,
  });
  return [instructionsSheet(lang), ...sheets];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

type HeaderTable<K extends string> = Readonly<Record<K, { en: string; ja: string }>>;

function fold(text: string): string {
  return normalizeText(text).toLowerCase().replace(/\s+/g, '');
}

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

function labelLookup<V extends string>(table: Readonly<Record<V, { en: string; ja: string }>>): Map<string, V> {
  const m = new Map<string, V>();
  for (const key of Object.keys(table) as V[]) {
    m.set(fold(key), key);
    m.set(fold(table[key].en), key);
    m.set(fold(table[key].ja), key);
  }
  return m;
}

const KIND_LOOKUP = labelLookup(MILESTONE_KIND_LABELS);
const MILESTONE_STATUS_LOOKUP = labelLookup(MILESTONE_STATUS_LABELS);
const PROJECT_STATUS_LOOKUP = labelLookup(PROJECT_STATUS_LABELS);

const EXAMPLE_CODE = /^(?:[(（]?例|example)/i;

/**
 * Reads a standard workbook. Every column is optional except Project ID and Title on Projects (a missing column
 * leaves that field of existing projects as it is). Budgets and Milestones rows must name a Project ID.
 */
export function readStandardWorkbook(sheets: readonly SheetGrid[], resolver: ProgramResolver): ParsedImport {
  const problems: ImportProblem[] = [];
  const skipped: SkippedRow[] = [];
  const errorRows: { sheet: string; row: number }[] = [];
  const projects: ImportedProject[] = [];
  const budgetLines: ImportedBudgetLine[] = [];
  const milestones: ImportedMilestone[] = [];
  const projectSheet = findSheet(sheets, SHEET_NAMES.projects)!;
  const pcols = locate(projectSheet.rows[0], PROJECT_HEADERS, ['code', 'title'])!;
  const sheetName = projectSheet.name;

  const isBlank = (row: readonly Cell[] | undefined) => !row || row.every((c) => c === null || (typeof c === 'string' && !c.trim()));
  const txt = (row: readonly Cell[], c: number | undefined) => (c === undefined ? '' : restoreText(cellRawText(row[c] ?? null)));

  // Projects: first pass collects codes to find duplicates, second builds records.
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
  const goodCodes = new Set<string>();
  const badCodes = new Set<string>();
  const has = (k: ProjectColumn) => pcols.has(k);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const sheetRow = r + 1;
    if (isBlank(row)) {
      skipped.push({ sheet: sheetName, row: sheetRow, reason: { en: 'blank row', ja: '空行' } });
      continue;
    }
    let hasError = false;
    const add = (col: ProjectColumn | null, severity: Severity, reason: Reason) => {
      if (severity === 'error') hasError = true;
      problems.push(problem(sheetName, sheetRow, col === null || !pcols.has(col) ? null : columnLetter(pcols.get(col)!), severity, reason));
    };
    const code = txt(row!, pcols.get('code'));
    const title = txt(row!, pcols.get('title'));
    if (EXAMPLE_CODE.test(code)) {
      skipped.push({ sheet: sheetName, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
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
      let programId: string | null = null;
      let trackId: string | null = null;
      if (idText) {
        const program = resolver.byId(idText);
        if (program) programId = program.id;
        else add('programId', 'warning', { en: `Program ID "${idText}" is not in the catalog; imported as unmapped`, ja: `事業ID「${idText}」はカタログにないため、未対応付けとして取り込みます` });
      }
      if (!programId && name) {
        const found = resolver.byName(name);
        programId = found.programId;
        trackId = found.trackId;
        if (!programId && !idText) add('program', 'warning', { en: `"${name}" is not a catalog program; imported as unmapped`, ja: `「${name}」はカタログにない事業のため、未対応付けとして取り込みます` });
      }
      const trackText = txt(row!, pcols.get('track'));
      if (programId && trackText) {
        const found = resolver.track(programId, trackText);
        if (found) trackId = found;
        else add('track', 'warning', { en: `"${trackText}" is not a track of ${programId}`, ja: `「${trackText}」は ${programId} のタイプにありません` });
      }
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
      const status = PROJECT_STATUS_LOOKUP.get(fold(s)) ?? (s ? parseStatus(s) : null);
      if (status) fields.status = status;
      else if (s) add('status', 'warning', { en: `Unknown status "${s}"; left as it is`, ja: `状態「${s}」は不明のため、変更しません` });
    }
    if (hasError) {
      errorRows.push({ sheet: sheetName, row: sheetRow });
      if (code) badCodes.add(code);
      continue;
    }
    goodCodes.add(code);
    const record: ImportedProject = { sheet: sheetName, row: sheetRow, code, fields };
    if (funderNameIsCatalogName) record.funderNameIsCatalogName = true;
    projects.push(record);
  }

  const parentCheck = (sheet: string, sheetRow: number, code: string, colLetter: string | null): Severity | null => {
    if (!code) {
      problems.push(problem(sheet, sheetRow, colLetter, 'error', { en: 'Project ID is empty', ja: '管理番号が空です' }));
      return 'error';
    }
    if (badCodes.has(code)) {
      problems.push(problem(sheet, sheetRow, colLetter, 'error', { en: `Project ${code} has an error on the Projects sheet; this row is not imported`, ja: `課題 ${code} の行にエラーがあるため、この行は取り込みません` }));
      return 'error';
    }
    if (!goodCodes.has(code)) {
      problems.push(problem(sheet, sheetRow, colLetter, 'warning', { en: `Project ${code} is not on the Projects sheet; applied to the stored project with this ID, if any`, ja: `課題 ${code} は課題シートにありません。登録済みの同じ管理番号の課題に反映します（なければ取り込みません）` }));
      return 'warning';
    }
    return null;
  };

  const budgetSheet = findSheet(sheets, SHEET_NAMES.budgets);
  const bcols = budgetSheet ? locate(budgetSheet.rows[0], BUDGET_HEADERS, ['code', 'fiscalYear']) : null;
  if (budgetSheet && !bcols) {
    problems.push(problem(budgetSheet.name, 1, null, 'error', { en: 'The Budgets sheet has no Project ID / Fiscal Year header; it is not imported', ja: '予算シートに管理番号・年度の見出しがないため、取り込みません' }));
  }
  if (budgetSheet && bcols) {
    const seen = new Map<string, number>();
    for (let r = 1; r < budgetSheet.rows.length; r++) {
      const row = budgetSheet.rows[r];
      const sheetRow = r + 1;
      if (isBlank(row)) continue;
      const code = txt(row!, bcols.get('code'));
      if (EXAMPLE_CODE.test(code)) {
        skipped.push({ sheet: budgetSheet.name, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
        continue;
      }
      const letter = (k: BudgetColumn | null) => (k !== null && bcols.has(k) ? columnLetter(bcols.get(k)!) : null);
      let hasError = parentCheck(budgetSheet.name, sheetRow, code, letter('code')) === 'error';
      const fy = parseFiscalYearCell(row![bcols.get('fiscalYear')!] ?? null);
      const err = (k: BudgetColumn | null, reason: Reason, severity: Severity = 'error') => {
        if (severity === 'error') hasError = true;
        problems.push(problem(budgetSheet.name, sheetRow, letter(k), severity, reason));
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
        errorRows.push({ sheet: budgetSheet.name, row: sheetRow });
        continue;
      }
      budgetLines.push({ code, sheet: budgetSheet.name, row: sheetRow, fiscalYear: fy.value, directYen: amounts.direct!, indirectYen: amounts.indirect! });
    }
  }

  const milestoneSheet = findSheet(sheets, SHEET_NAMES.milestones);
  const mcols = milestoneSheet ? locate(milestoneSheet.rows[0], MILESTONE_HEADERS, ['code', 'title', 'due']) : null;
  if (milestoneSheet && !mcols) {
    problems.push(problem(milestoneSheet.name, 1, null, 'error', { en: 'The Milestones sheet has no Project ID / Title / Due header; it is not imported', ja: 'マイルストーンシートに管理番号・件名・期日の見出しがないため、取り込みません' }));
  }
  if (milestoneSheet && mcols) {
    for (let r = 1; r < milestoneSheet.rows.length; r++) {
      const row = milestoneSheet.rows[r];
      const sheetRow = r + 1;
      if (isBlank(row)) continue;
      const code = txt(row!, mcols.get('code'));
      if (EXAMPLE_CODE.test(code)) {
        skipped.push({ sheet: milestoneSheet.name, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
        continue;
      }
      const letter = (k: MilestoneColumn) => (mcols.has(k) ? columnLetter(mcols.get(k)!) : null);
      let hasError = parentCheck(milestoneSheet.name, sheetRow, code, letter('code')) === 'error';
      const err = (k: MilestoneColumn, reason: Reason, severity: Severity = 'error') => {
        if (severity === 'error') hasError = true;
        problems.push(problem(milestoneSheet.name, sheetRow, letter(k), severity, reason));
      };
      const title = txt(row!, mcols.get('title'));
      if (!title) err('title', { en: 'Title is empty', ja: '件名が空です' });
      const due = parseDateCell(row![mcols.get('due')!] ?? null, 'day');
      if (due.kind !== 'value') err('due', due.kind === 'error' ? due.reason : { en: 'Due date is empty', ja: '期日が空です' });
      const kindText = txt(row!, mcols.get('kind'));
      let kind: MilestoneKind = 'other';
      if (kindText) {
        const k = KIND_LOOKUP.get(fold(kindText));
        if (k) kind = k;
        else err('kind', { en: `Unknown kind "${kindText}"; imported as other`, ja: `種別「${kindText}」は不明のため「その他」として取り込みます` }, 'warning');
      }
      const statusText = txt(row!, mcols.get('status'));
      let status: MilestoneStatus = 'planned';
      if (statusText) {
        const s = MILESTONE_STATUS_LOOKUP.get(fold(statusText));
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
        errorRows.push({ sheet: milestoneSheet.name, row: sheetRow });
        continue;
      }
      milestones.push({ code, sheet: milestoneSheet.name, row: sheetRow, kind, title, dueDate: due.value, status, doneDate, notes: txt(row!, mcols.get('notes')) });
    }
  }

  return { format: 'standard', sheet: sheetName, projects, budgetLines, milestones, problems, skipped, errorRows };
}

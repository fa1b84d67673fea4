// The standard workbook: the app's own exchange format (Projects, Budgets, Milestones sheets), written with real date
// cells and yen-formatted numbers, read back with no mapping step (standard-read.ts), in English or Japanese headers. Text that a
// spreadsheet could take for a formula is neutralised with a leading apostrophe (U+0027) and restored on import.
import type { BudgetLine, Milestone, Project } from '../domain/types';
import { MILESTONE_KINDS, MILESTONE_STATUSES, PROJECT_STATUSES } from '../domain/types';
import { MILESTONE_KIND_LABELS, MILESTONE_STATUS_LABELS, PROJECT_STATUS_LABELS } from '../domain/labels';
import type { CatalogProgram } from '../catalog/schema';
import type { Cell, SheetLayout, SheetSpec } from './sheetjs';

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
          [`Status: ${PROJECT_STATUSES.map((s) => PROJECT_STATUS_LABELS[s].en).join(', ')}. Kind: ${MILESTONE_KINDS.map((k) => MILESTONE_KIND_LABELS[k].en).join(', ')}.`],
          [`Milestone status: ${MILESTONE_STATUSES.map((s) => MILESTONE_STATUS_LABELS[s].en).join(', ')}.`],
          ['Rows whose Project ID starts with "EXAMPLE" or 例 are examples and are not imported.'],
          ["Text starting with = + - @ is written with a leading apostrophe (') so no spreadsheet runs it as a formula; the import removes it."],
        ];
  return { name: SHEET_NAMES.instructions[lang], rows: lines, colWidths: [120] };
}

/** A blank standard workbook with one example row per sheet and an instructions sheet. */
export function templateSheets(lang: WorkbookLanguage): SheetSpec[] {
  const example: Project = {
    id: 'example', code: lang === 'ja' ? '例-0001' : 'EXAMPLE-0001', title: lang === 'ja' ? '（記入例）新規医療機器の開発' : '(example) Development of a new medical device',
    pi: lang === 'ja' ? '山田 太郎' : 'Taro Yamada', piPosition: '', piResearcherNumber: '', department: lang === 'ja' ? '医学研究科' : 'Graduate School of Medicine', coInvestigators: [], partners: [],
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

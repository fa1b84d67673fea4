// Stage 5 of the import, row parsing: each row under the header, read through the column mapping into a project's
// fields, its budget lines (per fiscal year, from year-group columns, a 年度 column or KAKEN's packed text) and its
// milestones, with the row's problems. Section rows lend their department or funder to the rows below; 小計/合計,
// footnote, repeated-header and blank rows are passed over and counted. Nothing is guessed silently: "未定" is no
// figure (never 0), an unknown funder stays unmapped.
import type { Bilingual } from '../domain/message';
import { projectStatusFromText } from '../domain/labels';
import type { EffortShare, MemberRole } from '../domain/planning';
import type { MilestoneKind } from '../domain/types';
import { fiscalYearsBetween } from '../calendar/fiscal-year';
import { fold } from '../text/fold';
import { cellRawText, normalizeText, parseAmountCell, parseDateCell, parseDateRange, parseFiscalYearCell, personName, researcherNumberText } from './cell-values';
import type { AmountUnit } from './cell-values';
import type { ColumnMapping, ImportField } from './column-map';
import { columnLetter } from './import-types';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ImportProblem, Severity, SkippedRow } from './import-types';
import { parseAffiliationPosition, parseEffortCell, parseKakenBudget, parseKakenPeople, parseKakenPerson } from './packed-cells';
import type { EffortPart, PackedPerson } from './packed-cells';
import type { ProgramResolver } from './program-resolve';
import type { Cell, SheetGrid } from './sheetjs';
import { classifyRow } from './table-detect';
import type { HeaderInfo } from './table-detect';
import { AMED_NUMBER, DEPARTMENT } from './value-detect';

const EXAMPLE_CODE = /^(?:[(（]?例[)）]?|example)/i;

export function problem(sheet: string, row: number, column: string | null, severity: Severity, reason: Bilingual): ImportProblem {
  return { sheet, row, column, severity, message: reason };
}

const MILESTONE_COLUMNS: ReadonlyArray<readonly [ImportField, MilestoneKind, string]> = [
  ['interim', 'interim-evaluation', '中間評価'],
  ['final', 'final-evaluation', '事後評価'],
  ['stageGate', 'stage-gate', 'ステージゲート評価'],
];

/** Funders a section row (■AMED, 【JST】) may name; anything else with a department ending is a department. */
const FUNDER_SECTION = /AMED|JST|JSPS|NEDO|日本医療研究開発機構|科学技術振興機構|日本学術振興会|科研費|科学研究費|厚生労働|文部科学|経済産業|農林水産|環境省|総務省|内閣府|防衛装備庁|財団|企業|民間/i;

/** What a section row says about the rows below it. */
export function sectionMeaning(text: string): { department?: string; funder?: string } {
  const bare = normalizeText(text).replace(/^[【［[■□●◆◇▼▽▲△◎○〇<＜〈《\s]+|[】］\]>＞〉》\s]+$/g, '').trim();
  if (!bare) return {};
  if (FUNDER_SECTION.test(bare)) return { funder: bare };
  if (DEPARTMENT.test(bare)) return { department: bare };
  return {};
}

/** One data row read, before validation and the plan (duplicates, errors left out). */
export interface ParsedRow {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  code: string;
  fields: ImportedProject['fields'];
  budgets: ImportedBudgetLine[];
  milestones: ImportedMilestone[];
  problems: ImportProblem[];
  hasError: boolean;
  funderNameIsCatalogName?: boolean;
  /** The row's people (the PI, then each 研究分担者) with their effort, for the plan's researchers and members. */
  people: RowPerson[];
}

/** A person a row names: the PI or a co-investigator, with what the sheet says about them. */
export interface RowPerson {
  name: string;
  /** 8 digits as written ('' when none); a bad check digit is kept (row-validate warns). */
  researcherNumber: string;
  department: string;
  position: string;
  role: MemberRole;
  effort: EffortShare[];
}

export interface TableRead {
  rows: ParsedRow[];
  skipped: SkippedRow[];
  /** Problems about the whole table (a missing title column, derived IDs). */
  tableProblems: ImportProblem[];
  /** Column letter of each field's column, for validation messages. */
  columnOf: (field: ImportField) => string | null;
}

/** A stable ID from the title and PI for a table with no ID column: the same row always gets the same code. */
export function derivedCode(title: string, pi: string): string {
  const text = `${normalizeText(title)}\u0001${normalizeText(pi)}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return `T-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0').slice(0, 4)}`;
}

/**
 * Reads the rows under the header through `mapping`. Problems carry the sheet's own row numbers and column letters.
 * `grid` has its merges expanded (grid.ts).
 */
export function parseTableRows(grid: SheetGrid, header: HeaderInfo, mapping: ColumnMapping, resolver: ProgramResolver): TableRead {
  const sheet = grid.name;
  const skipped: SkippedRow[] = [];
  const tableProblems: ImportProblem[] = [];
  const rows: ParsedRow[] = [];
  const colOf = (field: ImportField) => mapping.findIndex((t) => t.field === field);
  const columnOf = (field: ImportField) => {
    const c = colOf(field);
    return c < 0 ? null : columnLetter(c);
  };
  const col = {
    code: colOf('code'), title: colOf('title'), pi: colOf('pi'), piPosition: colOf('piPosition'), piResearcherNumber: colOf('piResearcherNumber'),
    coInvestigators: colOf('coInvestigators'), effort: colOf('effort'), coEffort: colOf('coInvestigatorEffort'), department: colOf('department'), affiliationPosition: colOf('affiliationPosition'),
    program: colOf('program'), funder: colOf('funder'), programId: colOf('programId'), track: colOf('track'), period: colOf('period'),
    start: colOf('start'), end: colOf('end'), status: colOf('status'), amedNumber: colOf('amedNumber'), eradNumber: colOf('eradNumber'),
    notes: colOf('notes'), fiscalYear: colOf('fiscalYear'), budgetText: colOf('budgetText'),
  };
  const budgetCols = mapping.flatMap((t, c) =>
    t.field === 'direct' || t.field === 'indirect' || t.field === 'total'
      ? [{ c, kind: t.field, fiscalYear: t.fiscalYear ?? null, unit: (t.unit ?? header.unitNote ?? 1) as AmountUnit }]
      : [],
  );
  const milestoneCols = mapping.flatMap((t, c) => {
    const def = MILESTONE_COLUMNS.find(([f]) => f === t.field);
    return def ? [{ c, kind: def[1], title: def[2] }] : [];
  });
  const headerLabel = (c: number) => header.headers[c] || columnLetter(c);
  const labelled = (c: number, r: Bilingual): Bilingual => ({ en: `${headerLabel(c)}: ${r.en}`, ja: `${headerLabel(c)}：${r.ja}` });
  const tableRow = header.headerRow + 1;

  // The ID: the sheet's ID column, else its AMED number column, else one derived from the title and PI.
  const idColumn = col.code >= 0 ? col.code : col.amedNumber;
  if (idColumn < 0 && col.title >= 0) {
    tableProblems.push(problem(sheet, tableRow, null, 'warning', {
      en: 'The table has no ID column (管理番号); each project gets an ID made from its title and PI, so importing the same sheet again updates the same projects.',
      ja: '管理番号の列がないため、課題名と研究代表者から管理番号を作ります（同じシートを再取込すると同じ課題を更新します）。',
    }));
  }
  if (col.title < 0) tableProblems.push(problem(sheet, tableRow, null, 'error', { en: 'No column is mapped to Title (課題名).', ja: '課題名の列が割り当てられていません。' }));
  const hasYearColumn = col.fiscalYear >= 0;
  for (const b of budgetCols) {
    if (b.kind === 'total' || b.fiscalYear !== null || hasYearColumn) continue;
    tableProblems.push(problem(sheet, tableRow, columnLetter(b.c), 'warning', {
      en: `Column "${headerLabel(b.c)}" names no fiscal year; its amounts are not imported. Choose the year in the mapping.`,
      ja: `「${headerLabel(b.c)}」列に年度がないため、金額は取り込みません。対応付けで年度を選んでください。`,
    }));
  }

  const section: { department?: string; funder?: string } = {};
  const headerTexts = header.headers;
  for (let r = header.headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const sheetRow = r + 1;
    const kind = classifyRow(row, headerTexts, col.title);
    if (kind.kind === 'blank') {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'blank row', ja: '空行' } });
      continue;
    }
    if (kind.kind === 'total') {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'total row (合計/小計)', ja: '合計・小計行' } });
      continue;
    }
    if (kind.kind === 'footnote') {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'footnote (※)', ja: '注記（※）' } });
      continue;
    }
    if (kind.kind === 'header') {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'repeated header row', ja: '繰り返しの見出し行' } });
      continue;
    }
    if (kind.kind === 'section') {
      const meaning = sectionMeaning(kind.text);
      if (meaning.department !== undefined) section.department = meaning.department;
      if (meaning.funder !== undefined) section.funder = meaning.funder;
      skipped.push({ sheet, row: sheetRow, reason: { en: `section row (${kind.text})`, ja: `区分の行（${kind.text}）` } });
      continue;
    }
    const text = (c: number) => (c < 0 ? '' : cellRawText(row[c] ?? null));
    let code = idColumn >= 0 ? normalizeText(text(idColumn)) : '';
    const title = text(col.title);
    if (EXAMPLE_CODE.test(code)) {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
      continue;
    }
    if (!code && !title) {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'no ID and no title (a note or a heading)', ja: '管理番号・課題名がない行（注記や見出し）' } });
      continue;
    }
    const problems: ImportProblem[] = [];
    let hasError = col.title < 0;
    const add = (column: number | null, severity: Severity, reason: Bilingual) => {
      if (severity === 'error') hasError = true;
      problems.push(problem(sheet, sheetRow, column === null || column < 0 ? null : columnLetter(column), severity, reason));
    };
    const fields: ImportedProject['fields'] = {};
    if (col.title >= 0) fields.title = title;

    // People: a packed KAKEN cell unpacks into name, department, position and researcher number.
    if (col.pi >= 0) {
      const raw = text(col.pi);
      const packed = parseKakenPerson(raw);
      if (packed) {
        fields.pi = packed.name;
        if (packed.department) fields.department = packed.department;
        if (packed.position) fields.piPosition = packed.position;
        fields.piResearcherNumber = packed.researcherNumber;
      } else fields.pi = personName(raw);
    }
    if (col.affiliationPosition >= 0) {
      const raw = text(col.affiliationPosition);
      if (raw) {
        const ap = parseAffiliationPosition(raw);
        if (ap.department) fields.department = ap.department;
        if (ap.position) fields.piPosition = ap.position;
      }
    }
    if (col.department >= 0) fields.department = normalizeText(text(col.department));
    else if (fields.department === undefined && (section.department ?? header.titleDepartment)) fields.department = section.department ?? header.titleDepartment!;
    if (col.piPosition >= 0) fields.piPosition = normalizeText(text(col.piPosition));
    if (col.piResearcherNumber >= 0) {
      const n = researcherNumberText(row[col.piResearcherNumber] ?? null);
      if (n === null) add(col.piResearcherNumber, 'warning', { en: `Researcher number "${text(col.piResearcherNumber)}" is not 8 digits; left empty`, ja: `研究者番号「${text(col.piResearcherNumber)}」が8桁の数字ではないため、空欄にします` });
      fields.piResearcherNumber = n ?? '';
    }
    const coPeople = col.coInvestigators >= 0 ? parseKakenPeople(text(col.coInvestigators)) : [];
    if (col.coInvestigators >= 0) fields.coInvestigators = coPeople.map((p) => p.name);
    if (col.amedNumber >= 0) fields.amedNumber = normalizeText(text(col.amedNumber));
    else if (AMED_NUMBER.test(code)) fields.amedNumber = code;
    if (col.eradNumber >= 0) fields.eradNumber = normalizeText(text(col.eradNumber));
    if (col.notes >= 0) fields.notes = text(col.notes);

    // Program and funder: an explicit catalog id wins, then the program name through the catalog's matcher, then the
    // counterparty (funder) column or a section row naming a funder.
    const funderText = col.funder >= 0 ? text(col.funder) : (section.funder ?? '');
    if (col.programId >= 0 || col.program >= 0 || funderText) {
      const idText = text(col.programId);
      const name = text(col.program);
      const byId = idText ? resolver.byId(idText) : null;
      if (idText && !byId) add(col.programId, 'warning', { en: `Program ID "${idText}" is not in the catalog`, ja: `事業ID「${idText}」はカタログにありません` });
      let programId: string | null = byId?.id ?? null;
      let trackId: string | null = null;
      for (const candidate of [name, funderText]) {
        if (programId || !candidate) continue;
        const found = resolver.byName(candidate);
        programId = found.programId;
        trackId = found.trackId;
      }
      if (!programId && name) add(col.program, 'warning', { en: `"${name}" is not a catalog program; imported as unmapped`, ja: `「${name}」はカタログにない事業のため、未対応付けとして取り込みます` });
      if (col.track >= 0 && programId) {
        const trackText = text(col.track);
        if (trackText) {
          const t = resolver.track(programId, trackText);
          if (t) trackId = t;
          else add(col.track, 'warning', { en: `"${trackText}" is not a track of this program`, ja: `「${trackText}」はこの事業のタイプにありません` });
        }
      }
      if (col.programId >= 0 || col.program >= 0 || programId) {
        fields.programId = programId;
        fields.trackId = trackId;
      }
      fields.funderName = funderText || name;
    }

    // Period: one "start〜end" column, or two columns (or both; the two columns win where filled).
    let start: string | null | undefined;
    let end: string | null | undefined;
    if (col.period >= 0) {
      const p = parseDateRange(row[col.period] ?? null);
      if (p.kind === 'error') add(col.period, 'error', labelled(col.period, p.reason));
      else if (p.kind === 'value') {
        start = p.value.start;
        end = p.value.end;
        if (p.warning) add(col.period, 'warning', labelled(col.period, p.warning));
      } else {
        start = null;
        end = null;
        if (p.text) add(col.period, 'warning', { en: `Period is "${p.text}": no dates imported`, ja: `研究期間が「${p.text}」のため、日付は取り込みません` });
      }
    }
    for (const [c, side] of [[col.start, 'start'], [col.end, 'end']] as const) {
      if (c < 0) continue;
      const d = parseDateCell(row[c] ?? null, side);
      if (d.kind === 'error') add(c, 'error', labelled(c, d.reason));
      else if (d.kind === 'value') {
        if (side === 'start') start = d.value;
        else end = d.value;
        if (d.warning) add(c, 'warning', labelled(c, d.warning));
      } else {
        if (side === 'start' && start === undefined) start = null;
        if (side === 'end' && end === undefined) end = null;
        if (d.text) add(c, 'warning', { en: `${side === 'start' ? 'Start' : 'End'} is "${d.text}": no date imported`, ja: `${side === 'start' ? '開始日' : '終了日'}が「${d.text}」のため、日付は取り込みません` });
      }
    }
    if (start !== undefined) fields.startDate = start;
    if (end !== undefined) fields.endDate = end;
    if (start && end && end < start) {
      add(col.end >= 0 ? col.end : col.period, 'error', { en: `The end (${end}) is before the start (${start})`, ja: `終了日（${end}）が開始日（${start}）より前です` });
    }

    if (col.status >= 0) {
      const s = text(col.status);
      const status = s ? projectStatusFromText(s) : null;
      if (status) fields.status = status;
      else if (s) add(col.status, 'warning', { en: `Unknown status "${s}"; left as it is`, ja: `状態「${s}」は不明のため、変更しません` });
    }

    if (!code) {
      if (idColumn >= 0) add(idColumn, 'error', { en: 'The ID (管理番号) is empty', ja: '管理番号が空です' });
      else code = derivedCode(title, fields.pi ?? '');
    }
    const budgets = readBudgets(row, { code, sheet, sheetRow, budgetCols, yearColumn: col.fiscalYear, textColumn: col.budgetText, add, headerLabel, labelled });
    const milestones: ImportedMilestone[] = [];
    for (const m of milestoneCols) {
      const d = parseDateCell(row[m.c] ?? null, 'day');
      if (d.kind === 'value') {
        milestones.push({ code, sheet, row: sheetRow, kind: m.kind, title: m.title, dueDate: d.value, status: 'planned', doneDate: null, notes: '' });
      } else if (d.kind === 'error') {
        // An impossible date (R8.2.30) is an error; a note such as 「R8年度中」 only a warning.
        add(m.c, d.impossible ? 'error' : 'warning', { en: `${headerLabel(m.c)}: ${d.reason.en}; no milestone imported`, ja: `${headerLabel(m.c)}：${d.reason.ja}。マイルストーンは取り込みません` });
      }
    }
    const people = rowPeople(fields, coPeople);
    const effortYears = effortYearsOf(row, col.fiscalYear, fields, budgets);
    for (const [c, side] of [[col.effort, 'pi'], [col.coEffort, 'co']] as const) {
      if (c < 0) continue;
      const cell = row[c] ?? null;
      const parts = parseEffortCell(typeof cell === 'number' ? '' : text(c), typeof cell === 'number' ? cell : null);
      if (parts === null) {
        add(c, 'warning', { en: `${headerLabel(c)}: "${text(c)}" is not an effort in percent (40, 40%, 代表40/分担10); no effort imported`, ja: `${headerLabel(c)}：「${text(c)}」はエフォート（40、40%、代表40/分担10 など）として読めないため、取り込みません` });
        continue;
      }
      if (!parts.length) continue;
      if (!effortYears.length) {
        add(c, 'warning', { en: `${headerLabel(c)}: no fiscal year for the effort (no 年度, period or budget on the row); no effort imported`, ja: `${headerLabel(c)}：年度・研究期間・予算がないため、エフォートの年度が分からず取り込みません` });
        continue;
      }
      for (const unmatched of assignEffort(people, parts, side, effortYears)) {
        add(c, 'warning', { en: `${headerLabel(c)}: "${unmatched}" names no one on the row; that effort is not imported`, ja: `${headerLabel(c)}：「${unmatched}」はこの行の研究者に当たらないため、そのエフォートは取り込みません` });
      }
    }
    rows.push({ sheet, row: sheetRow, code, fields, budgets, milestones, problems, hasError, people });
  }
  return { rows, skipped, tableProblems, columnOf };
}

/** The PI (from the project fields) and each co-investigator (a co-investigator who is the PI is left out). */
function rowPeople(fields: ImportedProject['fields'], co: readonly PackedPerson[]): RowPerson[] {
  const people: RowPerson[] = [];
  if (fields.pi) {
    people.push({ name: fields.pi, researcherNumber: fields.piResearcherNumber ?? '', department: fields.department ?? '', position: fields.piPosition ?? '', role: 'pi', effort: [] });
  }
  for (const p of co) {
    if (people.some((q) => fold(q.name) === fold(p.name))) continue;
    people.push({ name: p.name, researcherNumber: p.researcherNumber, department: p.department, position: p.position, role: 'co-investigator', effort: [] });
  }
  return people;
}

/** Fiscal years an effort without a year of its own applies to: the row's 年度, else its period, else its budget years. */
function effortYearsOf(row: readonly Cell[], yearColumn: number, fields: ImportedProject['fields'], budgets: readonly ImportedBudgetLine[]): number[] {
  if (yearColumn >= 0) {
    const fy = parseFiscalYearCell(row[yearColumn] ?? null);
    if (fy.kind === 'value') return [fy.value];
  }
  if (fields.startDate && fields.endDate && fields.endDate >= fields.startDate) {
    const years = fiscalYearsBetween(fields.startDate, fields.endDate);
    // A period over more than ten years is more likely a typo than an effort to repeat.
    if (years.length <= 10) return years;
  }
  return [...new Set(budgets.map((b) => b.fiscalYear))].sort((a, b) => a - b);
}

/**
 * Gives each effort share to its person: a bare figure to the PI (from the PI's column) or to every co-investigator
 * (from theirs); 代表/分担 by role; a name to the person whose folded name it is or begins (a family name). Several
 * bare figures go in order (PI first). Returns the labels that matched no one.
 */
function assignEffort(people: RowPerson[], parts: readonly EffortPart[], side: 'pi' | 'co', years: readonly number[]): string[] {
  const unmatched: string[] = [];
  const give = (p: RowPerson, percent: number) => {
    for (const fiscalYear of years) {
      const at = p.effort.findIndex((e) => e.fiscalYear === fiscalYear);
      if (at >= 0) p.effort[at] = { fiscalYear, percent };
      else p.effort.push({ fiscalYear, percent });
    }
  };
  const bare = parts.filter((x) => x.who === '');
  const pi = people.filter((p) => p.role === 'pi');
  const co = people.filter((p) => p.role === 'co-investigator');
  if (bare.length === 1 && parts.length === 1) for (const p of side === 'pi' ? pi : co) give(p, bare[0]!.percent);
  else if (bare.length === parts.length) {
    const order = side === 'pi' ? people : co;
    bare.forEach((x, i) => (order[i] ? give(order[i]!, x.percent) : unmatched.push(String(x.percent))));
  }
  for (const x of parts) {
    if (x.who === '') continue;
    if (x.who === 'pi' || x.who === 'co') {
      const targets = x.who === 'pi' ? pi : co;
      if (!targets.length) unmatched.push(x.who === 'pi' ? '代表' : '分担');
      for (const p of targets) give(p, x.percent);
      continue;
    }
    const label = fold(x.who.name);
    const found = people.find((p) => fold(p.name) === label) ?? people.find((p) => fold(p.name).startsWith(label));
    if (found) give(found, x.percent);
    else unmatched.push(x.who.name);
  }
  for (const p of people) p.effort.sort((a, b) => a.fiscalYear - b.fiscalYear);
  return unmatched;
}

interface BudgetContext {
  code: string;
  sheet: string;
  sheetRow: number;
  budgetCols: { c: number; kind: 'direct' | 'indirect' | 'total'; fiscalYear: number | null; unit: AmountUnit }[];
  yearColumn: number;
  textColumn: number;
  add: (column: number | null, severity: Severity, reason: Bilingual) => void;
  headerLabel: (c: number) => string;
  labelled: (c: number, r: Bilingual) => Bilingual;
}

/**
 * A row's budget lines, one per fiscal year: from year-group columns (令和7年度/直接経費), the row's 年度 column, or
 * KAKEN's per-year text. A 計 column is only checked against direct + indirect (±1 of the sheet's unit, for truncated
 * 千円 figures); a missing figure leaves the year out with a warning, never a 0.
 */
function readBudgets(row: readonly Cell[], ctx: BudgetContext): ImportedBudgetLine[] {
  const { code, sheet, sheetRow, add } = ctx;
  const out: ImportedBudgetLine[] = [];
  if (ctx.textColumn >= 0) {
    const raw = cellRawText(row[ctx.textColumn] ?? null);
    const lines = raw ? parseKakenBudget(raw) : null;
    for (const l of lines ?? []) out.push({ code, sheet, row: sheetRow, fiscalYear: l.fiscalYear, directYen: l.directYen, indirectYen: l.indirectYen });
    if (raw && !lines) add(ctx.textColumn, 'warning', { en: `${ctx.headerLabel(ctx.textColumn)}: no per-year lines (「2025年度: … (直接経費: …、間接経費: …)」) found; no budget imported`, ja: `${ctx.headerLabel(ctx.textColumn)}：年度ごとの行（「2025年度: …（直接経費: …、間接経費: …）」）がないため、予算は取り込みません` });
  }
  if (!ctx.budgetCols.length) return out;
  let rowYear: number | null = null;
  if (ctx.yearColumn >= 0) {
    const fy = parseFiscalYearCell(row[ctx.yearColumn] ?? null);
    if (fy.kind === 'value') rowYear = fy.value;
    else if (fy.kind === 'error') add(ctx.yearColumn, 'error', fy.reason);
  }
  type Year = { direct: number | null; indirect: number | null; total: number | null; hasDirect: boolean; hasIndirect: boolean; missing: string[]; unit: number; totalColumn: number };
  const byYear = new Map<number, Year>();
  for (const b of ctx.budgetCols) {
    const year = b.fiscalYear ?? rowYear;
    if (year === null) continue;
    const amount = parseAmountCell(row[b.c] ?? null, b.unit);
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { direct: null, indirect: null, total: null, hasDirect: false, hasIndirect: false, missing: [], unit: b.unit, totalColumn: -1 }));
    if (b.kind === 'total') {
      entry.totalColumn = b.c;
      if (amount.kind === 'value') entry.total = (entry.total ?? 0) + amount.value;
      continue;
    }
    if (b.kind === 'direct') entry.hasDirect = true;
    else entry.hasIndirect = true;
    if (amount.kind === 'error') add(b.c, 'error', ctx.labelled(b.c, amount.reason));
    else if (amount.kind === 'value') entry[b.kind] = (entry[b.kind] ?? 0) + amount.value;
    else entry.missing.push(`${ctx.headerLabel(b.c)}${amount.text ? `「${amount.text}」` : ''}`);
  }
  for (const [fiscalYear, e] of byYear) {
    if (!e.hasDirect && !e.hasIndirect) continue;
    if (e.missing.length) {
      // 未定 or a blank cell: no figure (a dash is 0 yen, parsed above). The year's line is left out (an existing one stays as it is).
      add(null, 'warning', {
        en: `FY${fiscalYear}: no figure in ${e.missing.join(', ')}; no budget line imported for FY${fiscalYear} (a missing figure is never stored as 0)`,
        ja: `${fiscalYear}年度：${e.missing.join('、')}に金額がないため、この年度の予算は取り込みません（空欄を0円にはしません）`,
      });
      continue;
    }
    if (e.direct === null && e.indirect === null) continue;
    if (e.total !== null && e.direct !== null && e.indirect !== null) {
      const tolerance = e.unit > 1 ? e.unit : 0;
      const diff = Math.abs(e.total - (e.direct + e.indirect));
      if (diff > tolerance) {
        add(e.totalColumn, 'warning', {
          en: `FY${fiscalYear}: the total ${e.total.toLocaleString('en')} yen is not direct + indirect (${(e.direct + e.indirect).toLocaleString('en')} yen); direct and indirect are imported`,
          ja: `${fiscalYear}年度：計 ${e.total.toLocaleString('ja')}円が直接経費＋間接経費（${(e.direct + e.indirect).toLocaleString('ja')}円）と合いません。直接経費・間接経費を取り込みます`,
        });
      }
    }
    if (!e.hasIndirect || !e.hasDirect) {
      add(null, 'warning', {
        en: `FY${fiscalYear}: the sheet has no ${e.hasDirect ? 'indirect' : 'direct'} cost column; a stored figure is kept, a new line records 0`,
        ja: `${fiscalYear}年度：${e.hasDirect ? '間接経費' : '直接経費'}の列がないため、登録済みの金額はそのまま、新しい行は0円で記録します`,
      });
    }
    out.push({ code, sheet, row: sheetRow, fiscalYear, directYen: e.direct, indirectYen: e.indirect });
  }
  return out;
}

// An office's own sheet, one project per row, read through a column mapping into projects, budget lines and
// milestones with every row's problems. Errors keep the row out; warnings import it with a note. Nothing is guessed
// silently: "未定" is no figure (never 0), an unknown funder stays unmapped, 合計/小計 and blank rows are passed over.
import type { MilestoneKind } from '../domain/types';
import { MILESTONE_KIND_LABELS, projectStatusFromText } from '../domain/labels';
import { cellRawText, cellText, parseAmountCell, parseDateCell, parseDateRange, parseFiscalYearCell } from './cell-values';
import type { AmountUnit, Reason } from './cell-values';
import type { ColumnMapping, ImportField } from './column-map';
import type { HeaderInfo } from './header-detect';
import { columnLetter } from './import-types';
import type { ImportedBudgetLine, ImportedMilestone, ImportedProject, ImportProblem, ParsedImport, Severity, SkippedRow } from './import-types';
import type { ProgramResolver } from './program-resolve';
import type { Cell, SheetGrid } from './sheetjs';

const TOTAL_WORDS = new Set(['合計', '小計', '総計', '計', '累計', 'total', 'subtotal', 'grandtotal', '合計額', '総合計']);

const EXAMPLE_CODE = /^(?:[(（]?例[)）]?|example)/i;

const MILESTONE_COLUMNS: ReadonlyArray<readonly [ImportField, MilestoneKind, string]> = [
  ['interim', 'interim-evaluation', MILESTONE_KIND_LABELS['interim-evaluation'].ja],
  ['final', 'final-evaluation', MILESTONE_KIND_LABELS['final-evaluation'].ja],
  ['stageGate', 'stage-gate', MILESTONE_KIND_LABELS['stage-gate'].ja],
];

export interface OfficeSheetOptions {
  resolver: ProgramResolver;
}

/** Copies data rows and fills merged ranges (a program name merged down several rows belongs to each). */
function dataRows(grid: SheetGrid, firstRow: number): Cell[][] {
  const rows = grid.rows;
  const merges = grid.merges.filter((m) => m.e.r >= firstRow && (m.e.r > m.s.r || m.e.c > m.s.c));
  if (!merges.length) return rows;
  const copy = rows.slice();
  for (const m of merges) {
    const value = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = Math.max(m.s.r, firstRow); r <= m.e.r && r < rows.length; r++) {
      const row = (copy[r] = (copy[r] ?? []).slice());
      for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) row[c] = value;
    }
  }
  return copy;
}

/**
 * Reads the rows under the header. Row numbers in problems are the sheet's own (1-based). Projects whose row has
 * an error are left out together with their budget lines and milestones; duplicate IDs are errors on every such row.
 */
export function parseOfficeSheet(grid: SheetGrid, header: HeaderInfo, mapping: ColumnMapping, opts: OfficeSheetOptions): ParsedImport {
  const sheet = grid.name;
  const problems: ImportProblem[] = [];
  const skipped: SkippedRow[] = [];
  const projects: ImportedProject[] = [];
  const budgetLines: ImportedBudgetLine[] = [];
  const milestones: ImportedMilestone[] = [];
  const errorRows: { sheet: string; row: number }[] = [];
  const firstData = header.headerRow + 1;
  const rows = dataRows(grid, firstData);

  const colOf = (field: ImportField) => mapping.findIndex((t) => t.field === field);
  const col = {
    code: colOf('code'), title: colOf('title'), pi: colOf('pi'), department: colOf('department'), program: colOf('program'),
    programId: colOf('programId'), track: colOf('track'), period: colOf('period'), start: colOf('start'), end: colOf('end'),
    status: colOf('status'), amedNumber: colOf('amedNumber'), eradNumber: colOf('eradNumber'), notes: colOf('notes'), fiscalYear: colOf('fiscalYear'),
  };
  const budgetCols = mapping
    .map((t, c) => ({ t, c }))
    .filter(({ t }) => t.field === 'direct' || t.field === 'indirect')
    .map(({ t, c }) => ({ c, kind: t.field as 'direct' | 'indirect', fiscalYear: t.fiscalYear ?? null, unit: (t.unit ?? header.unitNote ?? 1) as AmountUnit }));
  const milestoneCols = mapping.flatMap((t, c) => {
    const def = MILESTONE_COLUMNS.find(([f]) => f === t.field);
    return def ? [{ c, kind: def[1], title: def[2] }] : [];
  });
  const headerLabel = (c: number) => header.headers[c] || columnLetter(c);
  const labelled = (c: number, r: Reason): Reason => ({ en: `${headerLabel(c)}: ${r.en}`, ja: `${headerLabel(c)}：${r.ja}` });

  if (col.code < 0) {
    problems.push(problem(sheet, header.headerRow + 1, null, 'error', {
      en: 'No column is mapped to Project ID (管理番号); rows cannot be imported without it.',
      ja: '管理番号の列が割り当てられていません。管理番号のない行は取り込めません。',
    }));
  }
  if (col.title < 0) {
    problems.push(problem(sheet, header.headerRow + 1, null, 'error', { en: 'No column is mapped to Title (課題名).', ja: '課題名の列が割り当てられていません。' }));
  }
  const yearless = budgetCols.filter((b) => b.fiscalYear === null && col.fiscalYear < 0);
  for (const b of yearless) {
    problems.push(problem(sheet, header.headerRow + 1, columnLetter(b.c), 'warning', {
      en: `Column "${headerLabel(b.c)}" names no fiscal year; its amounts are not imported. Choose the year in the mapping.`,
      ja: `「${headerLabel(b.c)}」列に年度がないため、金額は取り込みません。対応付けで年度を選んでください。`,
    }));
  }

  const codeRows = new Map<string, number[]>();
  type Pending = { project: ImportedProject; budgets: ImportedBudgetLine[]; milestones: ImportedMilestone[]; hasError: boolean };
  const pending: Pending[] = [];

  for (let r = firstData; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const sheetRow = r + 1;
    if (row.every((c) => c === null || c === undefined || (typeof c === 'string' && !c.trim()))) {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'blank row', ja: '空行' } });
      continue;
    }
    const code = col.code >= 0 ? cellRawText(row[col.code] ?? null) : '';
    const title = col.title >= 0 ? cellRawText(row[col.title] ?? null) : '';
    if (isTotalRow(row)) {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'total row (合計/小計)', ja: '合計・小計行' } });
      continue;
    }
    if (EXAMPLE_CODE.test(code)) {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'example row', ja: '記入例の行' } });
      continue;
    }
    if (!code && !title) {
      skipped.push({ sheet, row: sheetRow, reason: { en: 'no Project ID and no title (a note or a heading)', ja: '管理番号・課題名がない行（注記や見出し）' } });
      continue;
    }
    let hasError = false;
    const add = (column: number | null, severity: Severity, reason: Reason) => {
      if (severity === 'error') hasError = true;
      problems.push(problem(sheet, sheetRow, column === null ? null : columnLetter(column), severity, reason));
    };
    if (col.code >= 0 && !code) add(col.code, 'error', { en: 'Project ID (管理番号) is empty', ja: '管理番号が空です' });
    if (col.title >= 0 && !title) add(col.title, 'error', { en: 'Title is empty', ja: '課題名が空です' });
    if (col.code < 0 || col.title < 0) hasError = true;

    const fields: ImportedProject['fields'] = {};
    if (col.title >= 0) fields.title = title;
    const text = (c: number) => cellRawText(row[c] ?? null);
    if (col.pi >= 0) fields.pi = text(col.pi);
    if (col.department >= 0) fields.department = text(col.department);
    if (col.amedNumber >= 0) fields.amedNumber = text(col.amedNumber);
    if (col.eradNumber >= 0) fields.eradNumber = text(col.eradNumber);
    if (col.notes >= 0) fields.notes = text(col.notes);

    // Program: an explicit catalog id wins, then the name through the catalog's matcher.
    if (col.programId >= 0 || col.program >= 0) {
      const idText = col.programId >= 0 ? text(col.programId) : '';
      const name = col.program >= 0 ? text(col.program) : '';
      const byId = idText ? opts.resolver.byId(idText) : null;
      if (idText && !byId) add(col.programId, 'warning', { en: `Program ID "${idText}" is not in the catalog`, ja: `事業ID「${idText}」はカタログにありません` });
      let programId: string | null = byId?.id ?? null;
      let trackId: string | null = null;
      if (!programId && name) {
        const found = opts.resolver.byName(name);
        programId = found.programId;
        trackId = found.trackId;
        if (!programId) {
          add(col.program, 'warning', { en: `"${name}" is not a catalog program; imported as unmapped`, ja: `「${name}」はカタログにない事業のため、未対応付けとして取り込みます` });
        }
      }
      if (col.track >= 0 && programId) {
        const trackText = text(col.track);
        if (trackText) {
          const t = opts.resolver.track(programId, trackText);
          if (t) trackId = t;
          else add(col.track, 'warning', { en: `"${trackText}" is not a track of this program`, ja: `「${trackText}」はこの事業のタイプにありません` });
        }
      }
      fields.programId = programId;
      fields.trackId = trackId;
      fields.funderName = name;
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
      } else {
        start = null;
        end = null;
        if (p.text) add(col.period, 'warning', { en: `Period is "${p.text}": no dates imported`, ja: `研究開発期間が「${p.text}」のため、日付は取り込みません` });
      }
    }
    for (const [c, side] of [[col.start, 'start'], [col.end, 'end']] as const) {
      if (c < 0) continue;
      const d = parseDateCell(row[c] ?? null, side);
      if (d.kind === 'error') add(c, 'error', labelled(c, d.reason));
      else if (d.kind === 'value') {
        if (side === 'start') start = d.value;
        else end = d.value;
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

    // Budget lines: one per fiscal year named by the budget columns (or by the row's 年度 column).
    let rowYear: number | null = null;
    if (col.fiscalYear >= 0) {
      const fy = parseFiscalYearCell(row[col.fiscalYear] ?? null);
      if (fy.kind === 'value') rowYear = fy.value;
      else if (fy.kind === 'error') add(col.fiscalYear, 'error', fy.reason);
    }
    const byYear = new Map<number, { direct: number | null; indirect: number | null; hasDirect: boolean; hasIndirect: boolean; missing: string[] }>();
    for (const b of budgetCols) {
      const year = b.fiscalYear ?? rowYear;
      if (year === null) continue;
      const amount = parseAmountCell(row[b.c] ?? null, b.unit);
      const entry = byYear.get(year) ?? { direct: null, indirect: null, hasDirect: false, hasIndirect: false, missing: [] };
      byYear.set(year, entry);
      if (b.kind === 'direct') entry.hasDirect = true;
      else entry.hasIndirect = true;
      if (amount.kind === 'error') add(b.c, 'error', labelled(b.c, amount.reason));
      else if (amount.kind === 'value') entry[b.kind] = (entry[b.kind] ?? 0) + amount.value;
      else entry.missing.push(`${headerLabel(b.c)}${amount.text ? `「${amount.text}」` : ''}`);
    }
    const budgets: ImportedBudgetLine[] = [];
    for (const [fiscalYear, e] of byYear) {
      if (e.missing.length) {
        // 未定, "-" or a blank cell: no figure. The year's line is left out (an existing one stays as it is).
        add(null, 'warning', {
          en: `FY${fiscalYear}: no figure in ${e.missing.join(', ')}; no budget line imported for FY${fiscalYear} (a missing figure is never stored as 0)`,
          ja: `${fiscalYear}年度：${e.missing.join('、')}に金額がないため、この年度の予算は取り込みません（空欄を0円にはしません）`,
        });
        continue;
      }
      if (e.direct === null && e.indirect === null) continue;
      const line: ImportedBudgetLine = { code, sheet, row: sheetRow, fiscalYear, directYen: e.direct, indirectYen: e.indirect };
      if (!e.hasIndirect || !e.hasDirect) {
        add(null, 'warning', {
          en: `FY${fiscalYear}: the sheet has no ${e.hasDirect ? 'indirect' : 'direct'} cost column; a stored figure is kept, a new line records 0`,
          ja: `${fiscalYear}年度：${e.hasDirect ? '間接経費' : '直接経費'}の列がないため、登録済みの金額はそのまま、新しい行は0円で記録します`,
        });
      }
      budgets.push(line);
    }

    const ms: ImportedMilestone[] = [];
    for (const m of milestoneCols) {
      const d = parseDateCell(row[m.c] ?? null, 'day');
      if (d.kind === 'value') {
        ms.push({ code, sheet, row: sheetRow, kind: m.kind, title: m.title, dueDate: d.value, status: 'planned', doneDate: null, notes: '' });
      } else if (d.kind === 'error') {
        // An impossible date (R8.2.30) is an error; a note such as 「R8年度中」 only a warning.
        add(m.c, d.impossible ? 'error' : 'warning', { en: `${headerLabel(m.c)}: ${d.reason.en}; no milestone imported`, ja: `${headerLabel(m.c)}：${d.reason.ja}。マイルストーンは取り込みません` });
      }
    }

    if (code) {
      const list = codeRows.get(code);
      if (list) list.push(pending.length);
      else codeRows.set(code, [pending.length]);
    }
    pending.push({ project: { sheet, row: sheetRow, code, fields }, budgets, milestones: ms, hasError });
  }

  for (const [code, indexes] of codeRows) {
    if (indexes.length < 2) continue;
    const rowsText = indexes.map((i) => pending[i]!.project.row).join(', ');
    for (const i of indexes) {
      const p = pending[i]!;
      p.hasError = true;
      problems.push(problem(sheet, p.project.row, columnLetter(col.code), 'error', {
        en: `Project ID ${code} appears on more than one row (${rowsText})`,
        ja: `管理番号 ${code} が複数の行にあります（${rowsText}行目）`,
      }));
    }
  }

  for (const p of pending) {
    if (p.hasError) {
      errorRows.push({ sheet, row: p.project.row });
      continue;
    }
    projects.push(p.project);
    for (const b of p.budgets) budgetLines.push(b);
    for (const m of p.milestones) milestones.push(m);
  }
  problems.sort((a, b) => a.row - b.row);
  return { format: 'office', sheet, projects, budgetLines, milestones, problems, skipped, errorRows };
}

function isTotalRow(row: readonly Cell[]): boolean {
  for (let c = 0; c < Math.min(row.length, 6); c++) {
    const t = cellText(row[c] ?? null).toLowerCase().replace(/[\s()（）]/g, '');
    if (TOTAL_WORDS.has(t)) return true;
  }
  return false;
}

export function problem(sheet: string, row: number, column: string | null, severity: Severity, reason: Reason): ImportProblem {
  return { sheet, row, column, severity, message: reason.en, messageJa: reason.ja };
}

// A catalog edition as an Excel workbook an office can read and edit: one sheet for the edition's header, one row per
// program and per track. Pure conversion between CatalogEdition and plain grids; the bytes go through shared/excel/sheetjs
// and what comes back is only a candidate object that must still pass parseCatalogEdition.
import type { Cell, SheetGrid, SheetSpec } from '../excel/sheetjs';
import type { CatalogEdition, CatalogProblem, CatalogProgram, CatalogTrack } from './schema';

export const EDITION_SHEET = 'Edition';
export const PROGRAMS_SHEET = 'Programs';

/** Columns of the Programs sheet: stable key (read back) and a Japanese label for people. */
export const PROGRAM_COLUMNS = [
  ['kind', '種別 (program/track)'],
  ['programId', '事業ID'],
  ['parentId', '親事業ID'],
  ['trackId', '類型ID'],
  ['nameJa', '名称'],
  ['nameEn', '英語名'],
  ['abbreviation', '略称'],
  ['managedBy', '所管・配分機関'],
  ['division', '担当'],
  ['request', '予算額(円)'],
  ['previous', '前年度予算額(円)'],
  ['supplementary', '補正予算額(円)'],
  ['budgetNote', '予算の注記'],
  ['startFiscalYear', '開始年度(西暦)'],
  ['endFiscalYear', '終了年度(西暦)'],
  ['researchPeriodYears', '研究期間(年)'],
  ['durationYears', '類型の期間(年)'],
  ['maxAnnualYen', '類型の年間額(円)'],
  ['amountKind', '年間額の種類 (maximum/about/flat)'],
  ['stageGates', 'ステージゲート(JSON)'],
  ['summaryJa', '概要'],
  ['summaryEn', '概要(英語)'],
  ['extra', 'その他の項目(JSON)'],
] as const;

type ColumnKey = (typeof PROGRAM_COLUMNS)[number][0];

const PROGRAM_FIELDS = new Set([
  'id', 'parentId', 'nameJa', 'nameEn', 'abbreviation', 'managedBy', 'division', 'budgetYen', 'period', 'researchPeriodYears', 'tracks',
  'summaryJa', 'summaryEn',
]);
const TRACK_FIELDS = new Set(['id', 'nameJa', 'nameEn', 'durationYears', 'maxAnnualYen', 'amountKind', 'stageGates']);
const EDITION_FIELDS = ['id', 'fiscalYear', 'titleJa', 'titleEn', 'source'] as const;

function header(key: ColumnKey, label: string): string {
  return `${key} / ${label}`;
}

function extras(obj: Record<string, unknown>, known: Set<string>): string | null {
  const rest = Object.fromEntries(Object.entries(obj).filter(([k]) => !known.has(k)));
  return Object.keys(rest).length ? JSON.stringify(rest) : null;
}

function rest(obj: object, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !known.includes(k)));
}

/** Fields beyond the contract (kind, sourceFigures, …) kept as JSON so a sheet round trip loses nothing. */
function programExtras(p: CatalogProgram): string | null {
  const out: Record<string, unknown> = rest(p, [...PROGRAM_FIELDS]);
  const budget = rest(p.budgetYen, ['request', 'previous', 'supplementary', 'note']);
  const period = rest(p.period, ['startFiscalYear', 'endFiscalYear']);
  if (Object.keys(budget).length) out.budgetYen = budget;
  if (Object.keys(period).length) out.period = period;
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

function programRow(p: CatalogProgram): Cell[] {
  const values: Record<ColumnKey, Cell> = {
    kind: 'program', programId: p.id, parentId: p.parentId, trackId: null, nameJa: p.nameJa, nameEn: p.nameEn, abbreviation: p.abbreviation,
    managedBy: p.managedBy, division: p.division, request: p.budgetYen.request, previous: p.budgetYen.previous,
    supplementary: p.budgetYen.supplementary, budgetNote: p.budgetYen.note, startFiscalYear: p.period.startFiscalYear,
    endFiscalYear: p.period.endFiscalYear, researchPeriodYears: p.researchPeriodYears, durationYears: null, maxAnnualYen: null,
    amountKind: null, stageGates: null, summaryJa: p.summaryJa, summaryEn: p.summaryEn,
    extra: programExtras(p),
  };
  return PROGRAM_COLUMNS.map(([k]) => values[k]);
}

function trackRow(p: CatalogProgram, t: CatalogTrack): Cell[] {
  const values: Partial<Record<ColumnKey, Cell>> = {
    kind: 'track', programId: p.id, trackId: t.id, nameJa: t.nameJa, nameEn: t.nameEn, durationYears: t.durationYears,
    maxAnnualYen: t.maxAnnualYen, amountKind: t.amountKind ?? null, stageGates: t.stageGates.length ? JSON.stringify(t.stageGates) : null, extra: extras(t, TRACK_FIELDS),
  };
  return PROGRAM_COLUMNS.map(([k]) => values[k] ?? null);
}

/** The edition as workbook sheets (for writeWorkbookBytes). Amounts are whole yen; fiscal years western. */
export function catalogToSheets(catalog: CatalogEdition): SheetSpec[] {
  const e = catalog.edition as Record<string, unknown>;
  const editionRows: Cell[][] = [['key / 項目', 'value / 値']];
  for (const k of EDITION_FIELDS) editionRows.push([k, (e[k] as Cell) ?? null]);
  editionRows.push(['totals', JSON.stringify(catalog.edition.totals)]);
  const rest = extras(e, new Set([...EDITION_FIELDS, 'totals']));
  if (rest) editionRows.push(['extra', rest]);

  const rows: Cell[][] = [PROGRAM_COLUMNS.map(([k, label]) => header(k, label))];
  for (const p of catalog.programs) {
    rows.push(programRow(p));
    for (const t of p.tracks) rows.push(trackRow(p, t));
  }
  const yenCols = ['request', 'previous', 'supplementary', 'maxAnnualYen'].map((k) => PROGRAM_COLUMNS.findIndex(([c]) => c === k));
  return [
    { name: EDITION_SHEET, rows: editionRows, colWidths: [14, 80] },
    {
      name: PROGRAMS_SHEET,
      rows,
      freezeRows: 1,
      colWidths: PROGRAM_COLUMNS.map(([k]) => (k === 'nameJa' || k === 'nameEn' || k.startsWith('summary') ? 40 : k === 'extra' || k === 'stageGates' ? 30 : 14)),
      numFmts: Object.fromEntries(yenCols.map((c) => [c, '#,##0'])),
    },
  ];
}

export interface SheetReadResult {
  /** A candidate object for parseCatalogEdition, or null when the workbook is not a catalog at all. */
  input: unknown;
  problems: CatalogProblem[];
  /** Sheet row (1-based) of each program index in `input.programs`, to point problems at rows. */
  programRows: number[];
}

function text(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object') return cell.iso;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

function num(cell: Cell | undefined, where: string, problems: CatalogProblem[]): number | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return cell;
  const s = typeof cell === 'string' ? cell.normalize('NFKC').replace(/[,\s円]/g, '') : '';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  problems.push({ path: where, message: `not a number: ${text(cell) ?? ''}` });
  return null;
}

function json(cell: Cell | undefined, where: string, problems: CatalogProblem[]): unknown {
  const s = text(cell);
  if (s === null) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    problems.push({ path: where, message: 'not valid JSON' });
    return undefined;
  }
}

/** An empty managing-body cell, or one reading 「記載なし」/"Not stated", is the document naming no body (null). */
function managedByCell(cell: Cell | undefined): string | null {
  const v = text(cell ?? null);
  return v === null || /^(記載なし|not stated)$/i.test(v) ? null : v;
}

/**
 * Reads the sheets written by catalogToSheets (columns found by their key, in any order) back into a candidate
 * edition object. Structural problems (missing sheets or columns, unreadable numbers/JSON) are reported with sheet
 * row numbers; the result must still go through parseCatalogEdition.
 */
export function sheetsToCatalogInput(sheets: readonly SheetGrid[]): SheetReadResult {
  const problems: CatalogProblem[] = [];
  const editionSheet = sheets.find((s) => s.name === EDITION_SHEET);
  const programSheet = sheets.find((s) => s.name === PROGRAMS_SHEET);
  if (!editionSheet || !programSheet) {
    problems.push({ path: '(workbook)', message: `missing sheet ${!editionSheet ? EDITION_SHEET : PROGRAMS_SHEET}` });
    return { input: null, problems, programRows: [] };
  }

  const edition: Record<string, unknown> = {};
  editionSheet.rows.slice(1).forEach((row, i) => {
    const key = text(row[0]);
    if (!key) return;
    const where = `${EDITION_SHEET}!B${i + 2}`;
    if (key === 'fiscalYear') edition.fiscalYear = num(row[1], where, problems);
    else if (key === 'totals') edition.totals = json(row[1], where, problems) ?? {};
    else if (key === 'extra') Object.assign(edition, json(row[1], where, problems) ?? {});
    else edition[key] = text(row[1]) ?? '';
  });

  const head = (programSheet.rows[0] ?? []).map((c) => (text(c) ?? '').split('/')[0]!.trim());
  const col = new Map<string, number>();
  head.forEach((k, i) => col.set(k, i));
  for (const key of ['kind', 'programId', 'nameJa']) {
    if (!col.has(key)) problems.push({ path: `${PROGRAMS_SHEET}!1`, message: `missing column ${key}` });
  }
  if (problems.length) return { input: null, problems, programRows: [] };

  const programs: Record<string, unknown>[] = [];
  const programRows: number[] = [];
  const byId = new Map<string, Record<string, unknown>>();
  programSheet.rows.slice(1).forEach((row, i) => {
    const rowNo = i + 2;
    const get = (k: ColumnKey) => (col.has(k) ? row[col.get(k)!] : null);
    const where = (k: ColumnKey) => `${PROGRAMS_SHEET}!${rowNo}.${k}`;
    const kind = text(get('kind'))?.toLowerCase();
    if (!kind) {
      if (row.some((c) => text(c) !== null)) problems.push({ path: `${PROGRAMS_SHEET}!${rowNo}`, message: 'kind must be program or track' });
      return;
    }
    const extra = json(get('extra'), where('extra'), problems);
    const extraObj = extra && typeof extra === 'object' && !Array.isArray(extra) ? (extra as Record<string, unknown>) : {};
    if (kind === 'program') {
      const { budgetYen: extraBudget, period: extraPeriod, ...restExtra } = extraObj;
      const program: Record<string, unknown> = {
        ...restExtra,
        id: text(get('programId')) ?? '',
        parentId: text(get('parentId')),
        nameJa: text(get('nameJa')) ?? '',
        nameEn: text(get('nameEn')) ?? '',
        abbreviation: text(get('abbreviation')),
        managedBy: managedByCell(get('managedBy')),
        division: text(get('division')),
        budgetYen: {
          ...(typeof extraBudget === 'object' ? extraBudget : {}),
          request: num(get('request'), where('request'), problems),
          previous: num(get('previous'), where('previous'), problems),
          supplementary: num(get('supplementary'), where('supplementary'), problems),
          note: text(get('budgetNote')),
        },
        period: {
          ...(typeof extraPeriod === 'object' ? extraPeriod : {}),
          startFiscalYear: num(get('startFiscalYear'), where('startFiscalYear'), problems),
          endFiscalYear: num(get('endFiscalYear'), where('endFiscalYear'), problems),
        },
        researchPeriodYears: num(get('researchPeriodYears'), where('researchPeriodYears'), problems),
        tracks: [],
        summaryJa: text(get('summaryJa')) ?? '',
        summaryEn: text(get('summaryEn')) ?? '',
      };
      programs.push(program);
      programRows.push(rowNo);
      byId.set(program.id as string, program);
    } else if (kind === 'track') {
      const programId = text(get('programId')) ?? '';
      const owner = byId.get(programId);
      if (!owner) {
        problems.push({ path: `${PROGRAMS_SHEET}!${rowNo}.programId`, message: `track of unknown program ${programId} (program rows must come first)` });
        return;
      }
      (owner.tracks as unknown[]).push({
        ...extraObj,
        id: text(get('trackId')) ?? '',
        nameJa: text(get('nameJa')) ?? '',
        nameEn: text(get('nameEn')) ?? '',
        durationYears: num(get('durationYears'), where('durationYears'), problems),
        maxAnnualYen: num(get('maxAnnualYen'), where('maxAnnualYen'), problems),
        // A workbook from before the column existed leaves the kind absent (read as a cap), not "not stated".
        ...(col.has('amountKind') ? { amountKind: text(get('amountKind')) } : {}),
        stageGates: json(get('stageGates'), where('stageGates'), problems) ?? [],
      });
    } else {
      problems.push({ path: `${PROGRAMS_SHEET}!${rowNo}.kind`, message: 'kind must be program or track' });
    }
  });
  return { input: { edition, programs }, problems, programRows };
}

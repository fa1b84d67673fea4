// Cell values as offices actually write them: Excel date cells and serials, 2025/4/1, 2025年4月1日, R7.4.1,
// 令和元年5月1日, ranges such as R7.4.1〜R10.3.31, full-width digits, amounts in 円/千円/百万円, and "未定" for no figure.
// Every parser returns a tagged result (value, empty, or a reason), never throws, and never turns "no figure" into 0.
import type { Bilingual } from '../domain/message';
import type { IsoDate } from '../domain/types';
import { daysInMonth, fiscalYearRange, makeIsoDate } from '../calendar/fiscal-year';
import { ERAS, parseFiscalYearLabel, parseWarekiDate } from '../calendar/wareki';
import { serialToIso } from './excel-serial';
import { isNoFigure, parseYenText } from '../money/yen';
import type { Cell } from './sheetjs';

/** `impossible`: the text is a date, but one that does not exist (R7.2.30, 令和0年, month 13). */
/** `warning`: read, but worth telling the user (H31.5.1 written after the era ended). */
export type Parsed<T> = { kind: 'value'; value: T; warning?: Bilingual } | { kind: 'empty'; text: string } | { kind: 'error'; reason: Bilingual; impossible?: boolean };

const reason = (en: string, ja: string): Bilingual => ({ en, ja });

function isDateCell(cell: Cell): cell is { kind: 'date'; iso: IsoDate } {
  return typeof cell === 'object' && cell !== null && cell.kind === 'date';
}

/** NFKC (full-width digits and letters folded), trimmed, inner whitespace collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/g, ' ').trim();
}

/** Cell as display text (numbers as written, dates as ISO), normalised. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return normalizeText(cell);
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.iso;
}

/** Raw text of a cell without normalisation (titles and names are kept as written, apart from trimming). */
export function cellRawText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  return cellText(cell);
}

export { isNoFigure };

/** Serials a date column may hold as a plain number (1950-01-01 … 2199-12-31). */
const SERIAL_MIN = 18_264;
const SERIAL_MAX = 109_574;

type DatePart = { kind: 'date'; iso: IsoDate; warning?: Bilingual } | { kind: 'month'; year: number; month: number } | { kind: 'fy'; fiscalYear: number };

/** Words around a date that do not change it: 「(予定)」 after a KAKEN period, 「まで」 closing a range, 「〜」 left over. */
const DATE_NOISE = /[(（]?予定[)）]?$|まで$|迄$/;

function parseDateText(text: string): { ok: true; part: DatePart } | { ok: false; reason: Bilingual } | null {
  const s = normalizeText(text).replace(/\s+/g, '').replace(DATE_NOISE, '');
  if (!s) return null;
  const wareki = parseWarekiDate(s);
  if (wareki) {
    if (wareki.ok) return { ok: true, part: { kind: 'date', iso: wareki.date } };
    return pastEraEnd(s) ?? { ok: false, reason: splitReason(wareki.reason) };
  }
  let m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), s);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), s);
  // Month only (2025/4, 2025年4月, R7.4, 令和7年4月): a range end takes the month's last day.
  m = /^(\d{4})[/\-.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]), s);
  const wm = /^(令和|平成|昭和|[RrHhSs])(元|\d{1,2})(?:年|[./-])(\d{1,2})月?$/.exec(s);
  if (wm) {
    const day1 = parseWarekiDate(`${wm[1]}${wm[2]}.${wm[3]}.1`);
    if (day1 && day1.ok) return month(Number(day1.date.slice(0, 4)), Number(wm[3]), s);
    if (day1 && !day1.ok) return { ok: false, reason: splitReason(day1.reason) };
  }
  // A fiscal year alone (令和7年度, 2025年度): as a range start it is April 1, as an end March 31.
  if (/年度$|^FY/i.test(s)) {
    const fy = parseFiscalYearLabel(s);
    if (fy !== null) return { ok: true, part: { kind: 'fy', fiscalYear: fy } };
    if (/(令和|平成|[RrHh])0年度/.test(s)) return { ok: false, reason: reason(`${text}: era year 0 does not exist`, `${text}：0年は存在しません`) };
  }
  return null;
}

const ERA_DATE = /^(令和|平成|昭和|大正|[RrHhSsTt])(元|\d{1,2})(?:年(\d{1,2})月(\d{1,2})日?|[./-](\d{1,2})[./-](\d{1,2}))$/;

/**
 * An era date written after its era ended (H31.5.1 for 2019-05-01, forms printed before 令和 and filled in after):
 * converted by the era's count, with a warning. A date before the era began stays an error.
 */
function pastEraEnd(s: string): { ok: true; part: DatePart } | null {
  const m = ERA_DATE.exec(s);
  if (!m) return null;
  const token = m[1]!;
  const era = ERAS.find((e) => e.nameJa === token || e.letter === token.toUpperCase());
  const next = era ? ERAS[ERAS.indexOf(era) - 1] : undefined;
  if (!era || !next) return null;
  const year = era.firstYear + (m[2] === '元' ? 1 : Number(m[2])) - 1;
  const iso = makeIsoDate(year, Number(m[3] ?? m[5]), Number(m[4] ?? m[6]));
  if (!iso || iso < next.start || m[2] === '0') return null;
  const warning = reason(`${s} is after the ${era.nameEn} era ended; read as ${iso}`, `${s} は${era.nameJa}の終了後の日付のため、${iso} として読みました`);
  return { ok: true, part: { kind: 'date', iso, warning } };
}

function splitReason(text: string): Bilingual {
  const [en, ja] = text.split(' / ');
  return reason(en ?? text, ja ?? text);
}

function ymd(y: number, mo: number, d: number, s: string): { ok: true; part: DatePart } | { ok: false; reason: Bilingual } {
  const iso = makeIsoDate(y, mo, d);
  return iso ? { ok: true, part: { kind: 'date', iso } } : { ok: false, reason: reason(`No such date: ${s}`, `存在しない日付です：${s}`) };
}

function month(y: number, mo: number, s: string): { ok: true; part: DatePart } | { ok: false; reason: Bilingual } {
  if (mo < 1 || mo > 12 || y < 1) return { ok: false, reason: reason(`No such month: ${s}`, `存在しない月です：${s}`) };
  return { ok: true, part: { kind: 'month', year: y, month: mo } };
}

function partToIso(part: DatePart, side: 'start' | 'end'): IsoDate {
  if (part.kind === 'date') return part.iso;
  if (part.kind === 'fy') return side === 'start' ? fiscalYearRange(part.fiscalYear).start : fiscalYearRange(part.fiscalYear).end;
  const day = side === 'start' ? 1 : daysInMonth(part.year, part.month);
  return makeIsoDate(part.year, part.month, day) as IsoDate;
}

/**
 * One date as offices write it. `side` decides what a month or fiscal year alone means (its first or last day).
 * Empty/"未定" → empty; text that is no date at all, or an impossible date (R7.2.30, 令和0年, month 13) → error.
 */
export function parseDateCell(cell: Cell, side: 'start' | 'end' | 'day' = 'day'): Parsed<IsoDate> {
  if (cell === null || cell === undefined) return { kind: 'empty', text: '' };
  if (isDateCell(cell)) return { kind: 'value', value: cell.iso };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 29_991_231) {
      const r = ymd(Math.floor(cell / 10_000), Math.floor(cell / 100) % 100, cell % 100, String(cell));
      return r.ok ? { kind: 'value', value: partToIso(r.part, 'start') } : { kind: 'error', reason: r.reason, impossible: true };
    }
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      const iso = serialToIso(cell);
      if (iso) return { kind: 'value', value: iso };
    }
    return { kind: 'error', reason: reason(`${cell} is not a date`, `${cell} は日付ではありません`) };
  }
  if (typeof cell === 'boolean') return { kind: 'error', reason: reason('TRUE/FALSE is not a date', 'TRUE/FALSE は日付ではありません') };
  const text = cell;
  if (isNoFigure(text)) return { kind: 'empty', text: normalizeText(text) };
  const parsed = parseDateText(text);
  if (!parsed) return { kind: 'error', reason: reason(`"${text.trim()}" is not a date`, `「${text.trim()}」は日付として読めません`) };
  if (!parsed.ok) return { kind: 'error', reason: parsed.reason, impossible: true };
  if (side === 'day' && parsed.part.kind !== 'date') {
    return { kind: 'error', reason: reason(`"${text.trim()}" has no day`, `「${text.trim()}」には日がありません`) };
  }
  const value = partToIso(parsed.part, side === 'end' ? 'end' : 'start');
  return parsed.part.kind === 'date' && parsed.part.warning ? { kind: 'value', value, warning: parsed.part.warning } : { kind: 'value', value };
}

/**
 * Separators between the two ends of a period: 〜 ～ ~ から, or a dash surrounded by spaces (2025/4/1 - 2028/3/31;
 * KAKEN's en dash, which becomes "?" or "・" when Excel saves the CSV as CP932).
 */
const RANGE_SPLIT = /\s*(?:〜|~|から|–|—|―)\s*|\s+[-‐−?・]\s+/;

/**
 * A period written in one cell: "R7.4.1〜R10.3.31", "2025/4/1～2028/3/31", "令和7年度〜令和9年度", "2025年4月1日から2028年3月31日",
 * or one fiscal year ("令和7年度": 2025-04-01〜2026-03-31).
 * Either end may be missing or 未定 (→ null). Errors: impossible dates, and an end before the start.
 */
export function parseDateRange(cell: Cell): Parsed<{ start: IsoDate | null; end: IsoDate | null }> {
  if (cell === null || cell === undefined) return { kind: 'empty', text: '' };
  if (typeof cell !== 'string') {
    const one = parseDateCell(cell, 'start');
    return one.kind === 'value' ? { kind: 'value', value: { start: one.value, end: null } } : one;
  }
  if (isNoFigure(cell)) return { kind: 'empty', text: normalizeText(cell) };
  // Fold the wave dashes before NFKC turns ～ into ~ and leaves 〜 alone.
  const text = normalizeText(cell.replace(/[〜～]/g, '~')).replace(/\s*[(（]予定[)）]\s*$/, '').replace(/\s*(?:まで|迄)$/, '');
  const parts = text.split(RANGE_SPLIT);
  // A fiscal year alone (令和7年度, 2025年度, R7年度) is that year's whole range, April 1 to March 31.
  if (parts.length === 1 && /年度$|^FY/i.test(text.trim())) parts.push(text);
  if (parts.length !== 2) return { kind: 'error', reason: reason(`"${cell.trim()}" is not a period (start〜end)`, `「${cell.trim()}」は期間（開始〜終了）として読めません`) };
  const start = parts[0]!.trim() ? parseDateCell(parts[0]!, 'start') : ({ kind: 'empty', text: '' } as const);
  const end = parts[1]!.trim() ? parseDateCell(parts[1]!, 'end') : ({ kind: 'empty', text: '' } as const);
  if (start.kind === 'error') return start;
  if (end.kind === 'error') return end;
  const value = { start: start.kind === 'value' ? start.value : null, end: end.kind === 'value' ? end.value : null };
  if (value.start && value.end && value.end < value.start) {
    return { kind: 'error', reason: reason(`The period ends (${value.end}) before it starts (${value.start})`, `期間の終了（${value.end}）が開始（${value.start}）より前です`) };
  }
  const warning = (start.kind === 'value' ? start.warning : undefined) ?? (end.kind === 'value' ? end.warning : undefined);
  return warning ? { kind: 'value', value, warning } : { kind: 'value', value };
}

export type AmountUnit = 1 | 1_000 | 10_000 | 1_000_000 | 100_000_000;

/** Finds a money unit named in a header or a 単位 note: 円, 千円, 万円, 百万円, 億円 (also k/thousand, M/million). */
export function unitInText(text: string): AmountUnit | null {
  const s = normalizeText(text).toLowerCase();
  if (/百万円|million|mjpy|m jpy|\(m\)|百万/.test(s)) return 1_000_000;
  if (/億円/.test(s)) return 100_000_000;
  if (/万円/.test(s)) return 10_000;
  if (/千円|thousand|kjpy|k jpy|\(k\)|千/.test(s)) return 1_000;
  if (/円|jpy|yen/.test(s)) return 1;
  return null;
}

/**
 * An amount in whole yen. Accepts numbers and text with full-width digits, commas, ¥/円 signs and a unit suffix
 * (千円/百万円 in the cell wins over the column's unit). 未定/blank → empty (never 0); a lone dash (－, ―, -) states 0 yen. Negative → error.
 * Fractions of a yen after applying the unit are rounded to the nearest yen.
 */
export function parseAmountCell(cell: Cell, columnUnit: AmountUnit): Parsed<number> {
  if (cell === null || cell === undefined) return { kind: 'empty', text: '' };
  let value: number;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { kind: 'error', reason: reason('Not an amount', '金額として読めません') };
    value = Math.round(cell * columnUnit);
  } else if (typeof cell === 'string') {
    const parsed = parseYenText(cell, columnUnit);
    if (parsed.kind === 'none') return { kind: 'empty', text: normalizeText(cell) };
    if (parsed.kind === 'invalid') return { kind: 'error', reason: reason(`"${cell.trim()}" is not an amount`, `「${cell.trim()}」は金額として読めません`) };
    value = parsed.yen;
  } else {
    return { kind: 'error', reason: reason('Not an amount', '金額として読めません') };
  }
  if (value < 0) return { kind: 'error', reason: reason(`Negative amount: ${value}`, `金額がマイナスです：${value}`) };
  return { kind: 'value', value };
}

/** Fiscal year written in a cell: 2025, 令和7年度, R7, FY2025. */
export function parseFiscalYearCell(cell: Cell): Parsed<number> {
  if (cell === null || cell === undefined) return { kind: 'empty', text: '' };
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2200) return { kind: 'value', value: cell };
  const text = cellText(cell);
  if (isNoFigure(text)) return { kind: 'empty', text };
  const fy = parseFiscalYearLabel(text);
  if (fy !== null && fy >= 1900 && fy <= 2200) return { kind: 'value', value: fy };
  return { kind: 'error', reason: reason(`"${text}" is not a fiscal year`, `「${text}」は年度として読めません`) };
}

/**
 * An e-Rad researcher number (研究者番号) as text: 8 digits, leading zeros kept (a number cell 828478 → 00828478).
 * '' for an empty cell, null for anything that is not 8 digits.
 */
export function researcherNumberText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell < 1e8 ? String(cell).padStart(8, '0') : null;
  const s = cellText(cell).replace(/[\s-]/g, '');
  if (!s) return '';
  return /^\d{8}$/.test(s) ? s : null;
}

/** A person's name as written, trimmed, with inner runs of full-width or half-width spaces folded to one space. */
export function personName(text: string): string {
  return text.replace(/[\s\u3000]+/g, ' ').trim();
}

// Japanese era (和暦): dates are formatted by ICU's Japanese calendar (Intl, so a new era arrives with the runtime),
// while fiscal-year labels (令和7年度) and the parser of dates as offices type them use the era table below, which a
// unit test holds against Intl. Only modern eras are needed for grant records; 元年 is the era's first year.
import type { IsoDate } from '../domain/types';
import { makeIsoDate, splitIsoDate } from './fiscal-year';

export interface Era {
  nameJa: string;
  letter: string;
  nameEn: string;
  /** First day of the era, inclusive. */
  start: IsoDate;
  /** Western year of the era's first year (元年). */
  firstYear: number;
}

/** Modern eras, newest first. */
export const ERAS: readonly Era[] = [
  { nameJa: '令和', letter: 'R', nameEn: 'Reiwa', start: '2019-05-01', firstYear: 2019 },
  { nameJa: '平成', letter: 'H', nameEn: 'Heisei', start: '1989-01-08', firstYear: 1989 },
  { nameJa: '昭和', letter: 'S', nameEn: 'Showa', start: '1926-12-25', firstYear: 1926 },
  { nameJa: '大正', letter: 'T', nameEn: 'Taisho', start: '1912-07-30', firstYear: 1912 },
];

function eraByName(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((e) => e.nameJa === token || e.letter === upper || e.nameEn.toUpperCase() === upper);
}

function eraYearText(n: number): string {
  return n === 1 ? '元' : String(n);
}

/**
 * Label of a western fiscal year in wareki, e.g. 2025 → 令和7年度, 2019 → 令和元年度, 2018 → 平成30年度.
 * A fiscal year is named by the era in force at its end (FY2019 runs into 令和), the usage of government documents.
 */
export function fiscalYearLabelJa(fiscalYear: number): string {
  const era = ERAS.find((e) => fiscalYear >= e.firstYear) ?? ERAS[ERAS.length - 1]!;
  return `${era.nameJa}${eraYearText(fiscalYear - era.firstYear + 1)}年度`;
}

/** "令和7年度 (FY2025)" in Japanese UI, "FY2025 (R7)" in English. */
export function fiscalYearLabel(fiscalYear: number, lang: 'ja' | 'en'): string {
  if (lang === 'ja') return `${fiscalYearLabelJa(fiscalYear)}（${fiscalYear}）`;
  const era = ERAS.find((e) => fiscalYear >= e.firstYear) ?? ERAS[ERAS.length - 1]!;
  return `FY${fiscalYear} (${era.letter}${fiscalYear - era.firstYear + 1})`;
}

// Formatters are built once: constructing an Intl.DateTimeFormat costs far more than formatting with it.
const JAPANESE_CALENDAR = 'ja-JP-u-ca-japanese';
const LONG_FORMAT = new Intl.DateTimeFormat(JAPANESE_CALENDAR, { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const NARROW_FORMAT = new Intl.DateTimeFormat(JAPANESE_CALENDAR, { era: 'narrow', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

/** The calendar date as a Date at UTC midnight (formatted in UTC, so the machine's time zone never shifts the day). */
function utcDate(date: IsoDate): Date {
  const { year, month, day } = splitIsoDate(date);
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d;
}

/** A date in long wareki, as ICU's Japanese calendar writes it: 令和7年4月1日; 令和元年5月1日. */
export function formatWarekiDate(date: IsoDate): string {
  return LONG_FORMAT.format(utcDate(date));
}

/** formatToParts is slow next to a lookup, and a deadline list shows hundreds of rows sharing a few due dates. */
const shortCache = new Map<string, string>();

/** A date in short wareki: R7.4.1; H31.4.30. */
export function formatWarekiShort(date: IsoDate): string {
  const hit = shortCache.get(date);
  if (hit !== undefined) return hit;
  const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const parts = NARROW_FORMAT.formatToParts(utcDate(date));
  const text = `${part(parts, 'era')}${part(parts, 'year')}.${part(parts, 'month')}.${part(parts, 'day')}`;
  if (shortCache.size >= 4_096) shortCache.clear();
  shortCache.set(date, text);
  return text;
}

/** Converts an era year (1 = 元年) to the western year, or null for an unknown era or year 0. */
export function westernYear(eraToken: string, eraYear: number): number | null {
  const era = eraByName(eraToken);
  if (!era || !Number.isInteger(eraYear) || eraYear < 1) return null;
  return era.firstYear + eraYear - 1;
}

export type DateParse = { ok: true; date: IsoDate } | { ok: false; reason: string };

const ERA_TOKEN = '(令和|平成|昭和|大正|[RrHhSsTt])';

/**
 * Parses one wareki date as offices write it: 令和7年4月1日, 令和元年5月1日, R7.4.1, R07.04.01, H31.4.1, R7/4/1.
 * Input should already be NFKC-normalised (full-width digits folded). Returns null when the text is not wareki at all,
 * and a failure with a reason when it is wareki but impossible (令和0年, 2月30日, a date outside the era).
 */
export function parseWarekiDate(text: string): DateParse | null {
  const s = text.trim();
  const long = new RegExp(`^${ERA_TOKEN}\\s*(元|\\d{1,2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?$`).exec(s);
  const short = new RegExp(`^${ERA_TOKEN}\\s*(元|\\d{1,2})[./\\-](\\d{1,2})[./\\-](\\d{1,2})$`).exec(s);
  const m = long ?? short;
  if (!m) return null;
  const era = eraByName(m[1]!)!;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  if (eraYear < 1) return { ok: false, reason: `${era.nameJa}0年 does not exist / ${era.nameJa}0年は存在しません` };
  const year = era.firstYear + eraYear - 1;
  const month = Number(m[3]);
  const day = Number(m[4]);
  const iso = makeIsoDate(year, month, day);
  if (!iso) return { ok: false, reason: `No such date: ${s} / 存在しない日付です` };
  const next = ERAS[ERAS.indexOf(era) - 1];
  if (iso < era.start || (next && iso >= next.start)) {
    return { ok: false, reason: `${s} is outside the ${era.nameEn} era / ${era.nameJa}の期間外の日付です` };
  }
  return { ok: true, date: iso };
}

/**
 * Parses a fiscal-year label: 令和7年度, R7年度, R7, 令和元年度, 2025年度, FY2025, 2025 → western fiscal year.
 * Returns null when the text names no fiscal year.
 */
export function parseFiscalYearLabel(text: string): number | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const wareki = new RegExp(`^${ERA_TOKEN}(元|\\d{1,2})(?:年度?)?$`).exec(s);
  if (wareki) return westernYear(wareki[1]!, wareki[2] === '元' ? 1 : Number(wareki[2]));
  const western = /^(?:FY)?(\d{4})(?:年度)?$/i.exec(s);
  if (western) return Number(western[1]);
  return null;
}

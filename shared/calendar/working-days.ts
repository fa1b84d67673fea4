// Working-day arithmetic for internal deadlines ("submit to the office 5 working days before AMED's date"):
// skips weekends, Japanese national holidays (@holiday-jp/holiday_jp) and the university's year-end closure.
import holidayJp from '@holiday-jp/holiday_jp';
import type { IsoDate } from '../domain/types';
import { addDays, splitIsoDate } from './fiscal-year';

const HOLIDAYS = holidayJp.holidays as unknown as Readonly<Record<string, { name: string; name_en: string }>>;

export interface WorkingDayOptions {
  /** Year-end closure as MM-DD, inclusive, wrapping over the new year (default 12-29 … 01-03). Null: no closure. */
  closure?: { start: string; end: string } | null;
}

export const DEFAULT_CLOSURE = { start: '12-29', end: '01-03' } as const;

/**
 * A closure day as typed in Settings ("12/29", "1/3", "12-29", full-width digits too) → "MM-DD", or null when it is
 * not a day of the year (29 February is allowed: the closure is the same every year).
 */
export function parseClosureDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/\-月.]\s*(\d{1,2})\s*日?\s*$/.exec(text.normalize('NFKC'));
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Japanese national holiday name on a date (振替休日 and 国民の休日 included), or null. */
export function holidayName(date: IsoDate, lang: 'ja' | 'en' = 'ja'): string | null {
  const h = HOLIDAYS[date];
  if (!h) return null;
  return lang === 'ja' ? h.name : h.name_en;
}

/** True when the MM-DD of the date falls in the closure (inclusive; a start after the end wraps over the new year). */
export function inClosure(date: IsoDate, closure: { start: string; end: string } | null): boolean {
  if (!closure) return false;
  const md = date.slice(5);
  return closure.start <= closure.end ? md >= closure.start && md <= closure.end : md >= closure.start || md <= closure.end;
}

/** True for a weekday that is neither a national holiday nor inside the closure. */
export function isWorkingDay(date: IsoDate, opts: WorkingDayOptions = {}): boolean {
  const { year, month, day } = splitIsoDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (HOLIDAYS[date]) return false;
  return !inClosure(date, opts.closure === undefined ? DEFAULT_CLOSURE : opts.closure);
}

/**
 * The date `n` working days before `date` (n ≥ 1; the date itself is not counted, whether or not it is a working day).
 * E.g. 1 working day before Thursday 2025-05-07 is Friday 2025-05-02 (5/3–5/6 are holidays).
 */
export function workingDaysBefore(date: IsoDate, n: number, opts: WorkingDayOptions = {}): IsoDate {
  return shiftWorkingDays(date, -n, opts);
}

/** The date `n` working days after `date` (the date itself not counted). */
export function workingDaysAfter(date: IsoDate, n: number, opts: WorkingDayOptions = {}): IsoDate {
  return shiftWorkingDays(date, n, opts);
}

function shiftWorkingDays(date: IsoDate, n: number, opts: WorkingDayOptions): IsoDate {
  if (!Number.isInteger(n)) throw new Error(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  // A closure longer than a year cannot exist, so this loop always ends.
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, opts)) left--;
  }
  return d;
}

/** Working days in the inclusive range [from, to]. */
export function countWorkingDays(from: IsoDate, to: IsoDate, opts: WorkingDayOptions = {}): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, opts)) count++;
  return count;
}

// Japanese fiscal-year (年度) arithmetic: April 1 – March 31, named by the western year it starts in.
import type { IsoDate } from '../domain/types';

/** Fiscal year (western, e.g. 2025) that an ISO date falls in. April–December → same year; January–March → previous year. */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = splitIsoDate(date);
  return month >= 4 ? year : year - 1;
}

/** First and last day (inclusive) of a western fiscal year. */
export function fiscalYearRange(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  return { start: `${pad4(fiscalYear)}-04-01`, end: `${pad4(fiscalYear + 1)}-03-31` };
}

/** Fiscal years touched by an inclusive date range, in order. */
export function fiscalYearsBetween(start: IsoDate, end: IsoDate): number[] {
  const from = fiscalYearOf(start);
  const to = fiscalYearOf(end);
  const years: number[] = [];
  for (let fy = from; fy <= to; fy++) years.push(fy);
  return years;
}

/** True when the inclusive date range [start, end] overlaps the fiscal year; open ends count as unbounded. */
export function overlapsFiscalYear(start: IsoDate | null, end: IsoDate | null, fiscalYear: number): boolean {
  const range = fiscalYearRange(fiscalYear);
  if (start && start > range.end) return false;
  if (end && end < range.start) return false;
  return true;
}

export function splitIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not an ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Builds an ISO date, or null when the day does not exist (2025-02-30, month 13). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad4(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole days to an ISO date (negative to go back), in UTC so no time zone shifts the day. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitIsoDate(date);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return makeIsoDate(y, m, Math.min(day, daysInMonth(y, m))) as IsoDate;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = splitIsoDate(a);
  const pb = splitIsoDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / 86_400_000);
}

/** Today's date in the local time zone of the machine, as ISO. */
export function todayIso(now: Date = new Date()): IsoDate {
  return `${pad4(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

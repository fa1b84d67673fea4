// The one Excel serial ↔ calendar date converter. Excel counts days from 1899-12-30 (the 1900 system, with its
// phantom 1900-02-29 at serial 60) or from 1904-01-01 (the 1904 system some Mac workbooks use). Integer maths only:
// the export calls it for every date cell, the import for every date cell read.
import type { IsoDate } from '../domain/types';

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30);
/** Serial 0 of the 1904 system is 1904-01-01, which is serial 1462 of the 1900 system. */
const OFFSET_1904 = 1462;
/** Largest serial Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2_958_465;

/** Two to four ASCII digits at `at`, or NaN. */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Excel serial of a YYYY-MM-DD date (`date1904`: the workbook's 1904 system). Reads the digits in place instead of
 * splitting the string; anything not in that shape goes the general way (Date.UTC normalises 2025-13-01).
 */
export function isoToSerial(iso: IsoDate, date1904 = false): number {
  const shift = date1904 ? OFFSET_1904 : 0;
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 2);
    const d = digits(iso, 8, 2);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return daysFromCivil(y, m, d) - EPOCH_1900 - shift;
  }
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000 - shift;
}

/**
 * Calendar date of an Excel serial (the time of day is dropped), or null outside 1900-01-01 … 9999-12-31 and for the
 * 1900 system's phantom 1900-02-29 (serial 60).
 */
export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial) + (date1904 ? OFFSET_1904 : 0);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  // Before the phantom day, day 1 is 1900-01-01, i.e. day 0 is 1899-12-31.
  const ms = whole < 60 ? Date.UTC(1899, 11, 31) + whole * 86_400_000 : Date.UTC(1899, 11, 30) + whole * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

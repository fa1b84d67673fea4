// Date cells of an export get their Excel serial from a digit-reading fast path; it must agree with the calendar
// (Date.UTC) on every day, and odd input must still go the general way.
import { describe, expect, it } from 'vitest';
import { isoToSerial } from '../../../shared/excel/excel-serial';

const byCalendar = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('isoToSerial', () => {
  it('agrees with the calendar on every day from 1900 to 2100', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const s = iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (isoToSerial(s) !== byCalendar(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  it('knows the landmarks Excel users know', () => {
    expect(isoToSerial('1899-12-30')).toBe(0);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(isoToSerial('2025-04-01')).toBe(45748);
    expect(isoToSerial('2024-02-29')).toBe(45351);
  });

  it('rolls over a day past the month end as the calendar does, and leaves odd shapes to the general way', () => {
    expect(isoToSerial('2025-02-31')).toBe(byCalendar(2025, 2, 31));
    expect(isoToSerial('2025-4-1')).toBe(byCalendar(2025, 4, 1));
    expect(isoToSerial('2025-13-01')).toBe(byCalendar(2025, 13, 1));
  });
});

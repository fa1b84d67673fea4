// Date cells of an export get their Excel serial from a digit-reading fast path; it must agree with the calendar
// (Date.UTC) on every day, and odd input must still go the general way.
import { describe, expect, it } from 'vitest';
import { isoToSerial, serialToIso } from '../../../shared/excel/excel-serial';

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

describe('serialToIso', () => {
  it('reads both date systems and refuses the phantom 1900-02-29', () => {
    expect(serialToIso(45748)).toBe('2025-04-01');
    expect(serialToIso(45748.75)).toBe('2025-04-01');
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(45748 - 1462, true)).toBe('2025-04-01');
  });

  it('is the inverse of isoToSerial in both systems', () => {
    for (const iso of ['1950-01-01', '2019-05-01', '2024-02-29', '2099-12-31']) {
      expect(serialToIso(isoToSerial(iso))).toBe(iso);
      expect(serialToIso(isoToSerial(iso, true), true)).toBe(iso);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fiscalYearOf, fiscalYearRange, fiscalYearsBetween, makeIsoDate, overlapsFiscalYear } from '../../../shared/calendar/fiscal-year';

describe('fiscal years (April–March)', () => {
  it('puts January–March in the previous fiscal year', () => {
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2025-12-31')).toBe(2025);
    expect(fiscalYearOf('2025-01-01')).toBe(2024);
  });
  it('gives inclusive ranges', () => {
    expect(fiscalYearRange(2025)).toEqual({ start: '2025-04-01', end: '2026-03-31' });
    expect(fiscalYearsBetween('2025-04-01', '2028-03-31')).toEqual([2025, 2026, 2027]);
    expect(fiscalYearsBetween('2025-03-31', '2025-04-01')).toEqual([2024, 2025]);
  });
  it('detects overlap with open ends', () => {
    expect(overlapsFiscalYear('2025-04-01', '2026-03-31', 2025)).toBe(true);
    expect(overlapsFiscalYear('2026-04-01', null, 2025)).toBe(false);
    expect(overlapsFiscalYear(null, '2025-04-01', 2025)).toBe(true);
    expect(overlapsFiscalYear(null, '2025-03-31', 2025)).toBe(false);
  });
  it('rejects impossible dates and does day arithmetic in UTC', () => {
    expect(makeIsoDate(2025, 2, 29)).toBeNull();
    expect(makeIsoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(makeIsoDate(2025, 13, 1)).toBeNull();
    expect(addDays('2025-03-31', 1)).toBe('2025-04-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-04-01', 12)).toBe('2026-04-01');
    expect(daysBetween('2025-04-01', '2026-04-01')).toBe(365);
  });
});

import { describe, expect, it } from 'vitest';
import { countWorkingDays, holidayName, inClosure, isWorkingDay, parseClosureDay, workingDaysAfter, workingDaysBefore } from '../../../shared/calendar/working-days';

describe('working days', () => {
  it('knows weekends, national holidays and the substitute holiday of Golden Week 2025', () => {
    expect(isWorkingDay('2025-05-02')).toBe(true); // Friday
    expect(isWorkingDay('2025-05-03')).toBe(false); // 憲法記念日 (Saturday)
    expect(holidayName('2025-05-06')).toContain('振替休日');
    expect(isWorkingDay('2025-05-06')).toBe(false);
    expect(isWorkingDay('2025-05-07')).toBe(true);
    expect(isWorkingDay('2025-05-10')).toBe(false); // Saturday
  });

  it('counts back across Golden Week', () => {
    expect(workingDaysBefore('2025-05-07', 1)).toBe('2025-05-02');
    expect(workingDaysBefore('2025-05-07', 2)).toBe('2025-05-01');
    expect(workingDaysBefore('2025-05-07', 5)).toBe('2025-04-25'); // 4/29 昭和の日 and the weekend skipped
    expect(workingDaysAfter('2025-05-02', 1)).toBe('2025-05-07');
  });

  it('skips the year-end closure (12/29–1/3) and New Year’s Day, and can be told otherwise', () => {
    // 2026-01-05 is a Monday; 1/1 holiday, 1/2–1/3 closure, 12/29–12/31 closure, 12/27–28 weekend.
    expect(workingDaysBefore('2026-01-05', 1)).toBe('2025-12-26');
    expect(workingDaysBefore('2026-01-05', 1, { closure: null })).toBe('2026-01-02');
    expect(workingDaysBefore('2026-01-05', 1, { closure: { start: '12-27', end: '01-04' } })).toBe('2025-12-26');
    expect(inClosure('2025-12-29', { start: '12-29', end: '01-03' })).toBe(true);
    expect(inClosure('2026-01-04', { start: '12-29', end: '01-03' })).toBe(false);
    expect(isWorkingDay('2026-01-01', { closure: null })).toBe(false);
  });

  it('counts working days in an inclusive range and rejects fractional counts', () => {
    expect(countWorkingDays('2025-04-28', '2025-05-09')).toBe(7); // 4/28, 4/30, 5/1, 5/2, 5/7, 5/8, 5/9
    expect(() => workingDaysBefore('2025-05-07', 1.5)).toThrow();
  });
});

describe('parseClosureDay', () => {
  it('reads a month and day as typed in Settings', () => {
    expect(parseClosureDay('12/29')).toBe('12-29');
    expect(parseClosureDay('1/3')).toBe('01-03');
    expect(parseClosureDay(' 12-28 ')).toBe('12-28');
    expect(parseClosureDay('１２／２７')).toBe('12-27');
    expect(parseClosureDay('1月4日')).toBe('01-04');
    expect(parseClosureDay('2/29')).toBe('02-29');
  });

  it('refuses what is not a day of the year', () => {
    for (const bad of ['', '13/1', '0/5', '4/31', '2/30', '12', 'R7/12/29', 'abc']) expect(parseClosureDay(bad), bad).toBeNull();
  });
});

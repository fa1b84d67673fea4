import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearLabelJa, formatWarekiDate, formatWarekiShort, parseFiscalYearLabel, parseWarekiDate, westernYear } from '../../../shared/calendar/wareki';

describe('wareki', () => {
  it('labels fiscal years, with 元年 and the Heisei/Reiwa boundary', () => {
    expect(fiscalYearLabelJa(2025)).toBe('令和7年度');
    expect(fiscalYearLabelJa(2019)).toBe('令和元年度');
    expect(fiscalYearLabelJa(2018)).toBe('平成30年度');
    expect(fiscalYearLabelJa(1989)).toBe('平成元年度');
    expect(fiscalYearLabelJa(1988)).toBe('昭和63年度');
    expect(fiscalYearLabel(2025, 'ja')).toBe('令和7年度（2025）');
    expect(fiscalYearLabel(2025, 'en')).toBe('FY2025 (R7)');
  });
  it('formats dates by the era in force on the day', () => {
    expect(formatWarekiDate('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWarekiDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWarekiDate('2025-04-01')).toBe('令和7年4月1日');
    expect(formatWarekiShort('2025-04-01')).toBe('R7.4.1');
    expect(formatWarekiShort('2019-04-01')).toBe('H31.4.1');
  });
  it('parses the forms offices type', () => {
    expect(parseWarekiDate('令和7年4月1日')).toEqual({ ok: true, date: '2025-04-01' });
    expect(parseWarekiDate('令和元年5月1日')).toEqual({ ok: true, date: '2019-05-01' });
    expect(parseWarekiDate('R7.4.1')).toEqual({ ok: true, date: '2025-04-01' });
    expect(parseWarekiDate('R07.04.01')).toEqual({ ok: true, date: '2025-04-01' });
    expect(parseWarekiDate('H31.4.1')).toEqual({ ok: true, date: '2019-04-01' });
    expect(parseWarekiDate('r7/4/1')).toEqual({ ok: true, date: '2025-04-01' });
    expect(parseWarekiDate('2025/4/1')).toBeNull();
  });
  it('refuses impossible wareki dates with a reason', () => {
    expect(parseWarekiDate('R7.2.30')?.ok).toBe(false);
    expect(parseWarekiDate('令和0年4月1日')?.ok).toBe(false);
    expect(parseWarekiDate('R7.13.1')?.ok).toBe(false);
    expect(parseWarekiDate('令和元年4月1日')?.ok).toBe(false); // 令和 began on 5月1日
    expect(parseWarekiDate('H31.5.1')?.ok).toBe(false); // 平成 ended on 4月30日
  });
  it('parses fiscal-year labels', () => {
    expect(parseFiscalYearLabel('令和7年度')).toBe(2025);
    expect(parseFiscalYearLabel('Ｒ７')).toBe(2025);
    expect(parseFiscalYearLabel('令和元年度')).toBe(2019);
    expect(parseFiscalYearLabel('H30年度')).toBe(2018);
    expect(parseFiscalYearLabel('FY2025')).toBe(2025);
    expect(parseFiscalYearLabel('2025年度')).toBe(2025);
    expect(parseFiscalYearLabel('令和0年度')).toBeNull();
    expect(parseFiscalYearLabel('直接経費')).toBeNull();
    expect(westernYear('平成', 31)).toBe(2019);
  });
});

import { describe, expect, it } from 'vitest';
import { ERAS, fiscalYearLabel, fiscalYearLabelJa, formatWarekiDate, formatWarekiShort, parseFiscalYearLabel, parseWarekiDate, westernYear } from '../../../shared/calendar/wareki';

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

// Our era table (used by the parser and the 年度 labels) against ICU's Japanese calendar, which the formatters use.
describe('the era table agrees with Intl', () => {
  const intl = (date: string, era: 'long' | 'narrow') => {
    const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era, year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(`${date}T00:00:00Z`));
    const get = (type: string) => parts.find((p) => p.type === type)?.value;
    return { era: get('era'), year: get('year') };
  };
  const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  it.each(ERAS.map((e) => [e.nameJa, e] as const))('%s starts on the day Intl starts it, as 元年, with its letter', (_name, era) => {
    expect(intl(era.start, 'long')).toEqual({ era: era.nameJa, year: '元' });
    expect(intl(era.start, 'narrow').era).toBe(era.letter);
    expect(intl(dayBefore(era.start), 'long').era).not.toBe(era.nameJa);
    expect(Number(era.start.slice(0, 4))).toBe(era.firstYear);
  });

  it('draws the Shōwa/Heisei and Heisei/Reiwa boundaries on the same days', () => {
    expect(formatWarekiDate('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWarekiDate('1989-01-08')).toBe('平成元年1月8日');
    expect(formatWarekiShort('2019-04-30')).toBe('H31.4.30');
    expect(formatWarekiShort('2019-05-01')).toBe('R1.5.1');
    for (const d of ['1989-01-07', '1989-01-08', '2019-04-30', '2019-05-01']) {
      const { era, year } = intl(d, 'long');
      const ours = ERAS.find((e) => d >= e.start)!;
      expect(era, d).toBe(ours.nameJa);
      expect(year === '元' ? 1 : Number(year), d).toBe(Number(d.slice(0, 4)) - ours.firstYear + 1);
    }
  });

  it('parses back every date the formatter writes around the boundaries', () => {
    for (const start of ['1926-12-20', '1989-01-01', '2019-04-25']) {
      for (let i = 0; i < 14; i++) {
        const d = new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
        expect(parseWarekiDate(formatWarekiDate(d)), d).toEqual({ ok: true, date: d });
        expect(parseWarekiDate(formatWarekiShort(d)), d).toEqual({ ok: true, date: d });
      }
    }
  });

  it('names each fiscal year as Intl names the calendar year it starts in, at year end (元年 included)', () => {
    for (let fy = 1913; fy <= 2040; fy++) {
      const { era, year } = intl(`${fy}-12-31`, 'long');
      expect(fiscalYearLabelJa(fy), String(fy)).toBe(`${era}${year}年度`);
    }
  });
});

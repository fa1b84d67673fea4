// Cell values in every form offices write them: dates, wareki, ranges, full-width digits, units, "no figure".
import { describe, expect, it } from 'vitest';
import { isNoFigure, parseAmountCell, parseDateCell, parseDateRange, parseFiscalYearCell, unitInText } from '../../../shared/excel/cell-values';
import { serialToIso } from '../../../shared/excel/excel-serial';

const value = <T>(r: { kind: string; value?: T }) => (r.kind === 'value' ? r.value : `<${r.kind}>`);

describe('parseDateCell', () => {
  it.each([
    [{ kind: 'date' as const, iso: '2025-04-01' }, '2025-04-01'],
    ['2025/4/1', '2025-04-01'],
    ['2025-04-01', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['２０２５年４月１日', '2025-04-01'],
    ['R7.4.1', '2025-04-01'],
    ['r7.4.1', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['H31.4.1', '2019-04-01'],
    ['平成31年4月30日', '2019-04-30'],
    [45748, '2025-04-01'],
    [20250401, '2025-04-01'],
  ])('%j → %s', (cell, iso) => {
    expect(value(parseDateCell(cell, 'day'))).toBe(iso);
  });

  it.each(['R7.2.30', '令和0年4月1日', '2025/13/1', '2025/2/29', 'R1.4.30', '20250230'])('%s is an impossible date (error)', (text) => {
    const r = parseDateCell(text, 'day');
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.impossible).toBe(true);
  });

  it.each([
    ['H31.5.1', '2019-05-01'],
    ['平成32年3月31日', '2020-03-31'],
  ])('converts %s, written after the Heisei era ended, with a warning', (text, iso) => {
    const r = parseDateCell(text, 'day');
    expect(r.kind === 'value' && [r.value, r.warning?.ja.includes('平成')]).toEqual([iso, true]);
  });

  it.each([
    ['Ｒ７．４．１', '2025-04-01'],
    ['R07.04.01', '2025-04-01'],
    ['令和６年４月１日', '2024-04-01'],
  ])('reads %s', (text, iso) => {
    expect(value(parseDateCell(text, 'day'))).toBe(iso);
  });

  it('treats blank, 未定 and dashes as no date, and prose as an error', () => {
    expect(parseDateCell(null).kind).toBe('empty');
    expect(parseDateCell('未定').kind).toBe('empty');
    expect(parseDateCell('-').kind).toBe('empty');
    expect(parseDateCell('来年度中').kind).toBe('error');
  });

  it('reads a month or a fiscal year as its first day at the start and its last day at the end', () => {
    expect(value(parseDateCell('2026/2', 'end'))).toBe('2026-02-28');
    expect(value(parseDateCell('R8.2', 'end'))).toBe('2026-02-28');
    expect(value(parseDateCell('令和7年度', 'start'))).toBe('2025-04-01');
    expect(value(parseDateCell('令和7年度', 'end'))).toBe('2026-03-31');
    expect(parseDateCell('2026/2', 'day').kind).toBe('error');
  });

  it('converts Excel serials around the 1900 leap-year bug', () => {
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(45748)).toBe('2025-04-01');
  });
});

describe('parseDateRange', () => {
  it.each([
    ['R7.4.1〜R10.3.31', '2025-04-01', '2028-03-31'],
    ['2025/4/1～2028/3/31', '2025-04-01', '2028-03-31'],
    ['2025/4/1 ~ 2028/3/31', '2025-04-01', '2028-03-31'],
    ['2025/4/1 - 2028/3/31', '2025-04-01', '2028-03-31'],
    ['令和7年4月1日から令和10年3月31日', '2025-04-01', '2028-03-31'],
    ['令和7年度〜令和9年度', '2025-04-01', '2028-03-31'],
    ['R7.4.1〜未定', '2025-04-01', null],
    ['令和7年4月1日から令和8年3月31日まで', '2025-04-01', '2026-03-31'],
    ['2016 年 10 月~2017 年 3 月', '2016-10-01', '2017-03-31'],
    ['2011-04-01 – 2014-03-31', '2011-04-01', '2014-03-31'],
    ['2025-04-01 – 2029-03-31 (予定)', '2025-04-01', '2029-03-31'],
    ['2011-04-01 ? 2014-03-31', '2011-04-01', '2014-03-31'],
    ['R7.4.1～R8.3.31', '2025-04-01', '2026-03-31'],
    ['令和7年度', '2025-04-01', '2026-03-31'],
    ['2025年度', '2025-04-01', '2026-03-31'],
    ['R7年度', '2025-04-01', '2026-03-31'],
    ['令和元年度', '2019-04-01', '2020-03-31'],
  ])('%s', (text, start, end) => {
    expect(value(parseDateRange(text))).toEqual({ start, end });
  });

  it('refuses an end before the start and impossible ends', () => {
    expect(parseDateRange('R10.4.1〜R7.3.31').kind).toBe('error');
    expect(parseDateRange('R7.4.1〜R8.2.30').kind).toBe('error');
    expect(parseDateRange('R7.4.1').kind).toBe('error');
    expect(parseDateRange('令和0年度').kind).toBe('error');
  });
});

describe('amounts', () => {
  it('reads numbers, full-width digits and commas, with the column unit', () => {
    expect(value(parseAmountCell(1234, 1))).toBe(1234);
    expect(value(parseAmountCell('１，２３４', 1_000))).toBe(1_234_000);
    expect(value(parseAmountCell('12.5', 1_000_000))).toBe(12_500_000);
    expect(value(parseAmountCell('¥1,000', 1))).toBe(1000);
  });
  it('lets a unit written in the cell win over the column unit', () => {
    expect(value(parseAmountCell('8,000千円', 1))).toBe(8_000_000);
    expect(value(parseAmountCell('3百万円', 1_000))).toBe(3_000_000);
    expect(value(parseAmountCell('500円', 1_000))).toBe(500);
  });
  it('never turns 未定 or blank into 0, but reads a lone dash as a stated 0', () => {
    for (const c of ['未定', '', null, '  ']) expect(parseAmountCell(c, 1).kind).toBe('empty');
    for (const c of ['-', '―', '－']) expect(parseAmountCell(c, 1)).toEqual({ kind: 'value', value: 0 });
  });
  it('reads ¥/￥, 円 and 万円 suffixes and footnote marks, and 未定 as no figure', () => {
    expect(value(parseAmountCell('￥1,000', 1))).toBe(1000);
    expect(value(parseAmountCell('10,000,000円※1', 1))).toBe(10_000_000);
    expect(value(parseAmountCell('150万円', 1))).toBe(1_500_000);
    expect(value(parseAmountCell('１５，０００', 1_000))).toBe(15_000_000);
    expect(parseAmountCell('未定', 1).kind).toBe('empty');
    expect(unitInText('（単位：万円）')).toBe(10_000);
  });
  it('refuses negative amounts and text', () => {
    expect(parseAmountCell('▲1,000', 1).kind).toBe('error');
    expect(parseAmountCell(-5, 1).kind).toBe('error');
    expect(parseAmountCell('△500', 1).kind).toBe('error');
    expect(parseAmountCell('約100', 1).kind).toBe('error');
  });
  it('finds units in headers and notes', () => {
    expect(unitInText('（単位：千円）')).toBe(1_000);
    expect(unitInText('直接経費（百万円）')).toBe(1_000_000);
    expect(unitInText('金額（円）')).toBe(1);
    expect(unitInText('課題名')).toBeNull();
    expect(isNoFigure('ＴＢＤ')).toBe(true);
  });
});

describe('fiscal years', () => {
  it.each([[2025, 2025], ['令和7年度', 2025], ['R7', 2025], ['FY2025', 2025], ['令和元年度', 2019]])('%s', (cell, fy) => {
    expect(value(parseFiscalYearCell(cell))).toBe(fy);
  });
});

// Value detectors: each kind of value a research office's columns hold, recognised whatever the header says.
import { describe, expect, it } from 'vitest';
import { kindsOf, profileColumn } from '../../../shared/excel/value-detect';

describe('value detectors', () => {
  it.each([
    ['17am0101001j0001', 'amedNumber'], ['19K04750', 'kakenNumber'], ['23KF0079', 'kakenNumber'], ['JPMJCR1503', 'jstNumber'],
    ['00828478', 'researcherNumber'], ['准教授', 'position'], ['医学研究科', 'department'], ['R7.4.1', 'date'], ['Ｒ７．４．１', 'date'],
    ['R7.4.1〜R8.3.31', 'dateRange'], ['令和7年度', 'fiscalYear'], ['１５，０００', 'amount'], ['東京大学 大学院医学系研究科 教授', 'affiliationPosition'],
    ['笹尾 勤  明治大学, 理工学部, 教授 (20112013)', 'kakenPerson'], ['9,100千円 (直接経費: 7,000千円、間接経費: 2,100千円)', 'kakenBudget'],
  ])('%s is %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it('does not take a name or a title for a date, a position or an amount', () => {
    for (const t of ['山田 太郎', '新規医療機器の開発']) expect(kindsOf(t)).toEqual([]);
  });

  it('profiles a column by shares, leaving 未定 and blanks out', () => {
    const p = profileColumn(['R7.4.1', '2025/4/1', null, '未定', { kind: 'date', iso: '2025-04-01' }, 'メモ']);
    expect(p.sampled).toBe(4);
    expect(p.share.date).toBe(0.75);
  });
});

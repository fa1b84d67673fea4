// Packed cells: KAKEN's people and per-year budget text, and 所属機関・役職 in one cell.
import { describe, expect, it } from 'vitest';
import { parseAffiliationPosition, parseKakenBudget, parseKakenPeople, parseKakenPerson } from '../../../shared/excel/packed-cells';

describe('packed cells', () => {
  it('unpacks KAKEN 研究代表者', () => {
    expect(parseKakenPerson('笹尾 勤  明治大学, 理工学部, 教授 (20112013)')).toEqual({ name: '笹尾 勤', institution: '明治大学', department: '理工学部', position: '教授', researcherNumber: '20112013' });
    expect(parseKakenPerson('山田 太郎')).toBeNull();
  });

  it('lists every 研究分担者, packed or plain, keeping leading zeros', () => {
    const people = parseKakenPeople('山田 太郎  明治大学, 理工学部, 准教授 (00828478)\n佐藤 花子  九州工業大学, 情報工学研究院, 助教 (40612345)');
    expect(people.map((p) => [p.name, p.researcherNumber])).toEqual([['山田 太郎', '00828478'], ['佐藤 花子', '40612345']]);
    expect(parseKakenPeople('山田　太郎、佐藤 花子').map((p) => p.name)).toEqual(['山田 太郎', '佐藤 花子']);
  });

  it('reads 配分額*注記 per fiscal year in yen, the total line left out', () => {
    const text = '9,100千円 (直接経費: 7,000千円、間接経費: 2,100千円)\n2013年度: 2,210千円 (直接経費: 1,700千円、間接経費: 510千円)\n平成26年度: 1,700千円 (直接経費: 1,700千円)';
    expect(parseKakenBudget(text)).toEqual([
      { fiscalYear: 2013, directYen: 1_700_000, indirectYen: 510_000 },
      { fiscalYear: 2014, directYen: 1_700_000, indirectYen: null },
    ]);
    expect(parseKakenBudget('9,100千円')).toBeNull();
  });

  it('splits 所属機関・役職', () => {
    expect(parseAffiliationPosition('東京大学 大学院医学系研究科 教授')).toEqual({ department: '大学院医学系研究科', position: '教授' });
    expect(parseAffiliationPosition('〇〇大学医学部・准教授')).toEqual({ department: '医学部', position: '准教授' });
    expect(parseAffiliationPosition('理化学研究所')).toEqual({ department: '理化学研究所', position: '' });
  });
});

describe('parseEffortCell', () => {
  it('reads bare figures, role words, names and percentage cells, and refuses what is no percentage', async () => {
    const { parseEffortCell } = await import('../../../shared/excel/packed-cells');
    expect(parseEffortCell('40')).toEqual([{ who: '', percent: 40 }]);
    expect(parseEffortCell('４０％')).toEqual([{ who: '', percent: 40 }]);
    expect(parseEffortCell('代表40/分担10')).toEqual([{ who: 'pi', percent: 40 }, { who: 'co', percent: 10 }]);
    expect(parseEffortCell('研究代表者：40、研究分担者：5')).toEqual([{ who: 'pi', percent: 40 }, { who: 'co', percent: 5 }]);
    expect(parseEffortCell('山田 太郎 40%・佐藤10')).toEqual([{ who: { name: '山田 太郎' }, percent: 40 }, { who: { name: '佐藤' }, percent: 10 }]);
    expect(parseEffortCell('', 0.25)).toEqual([{ who: '', percent: 25 }]);
    expect(parseEffortCell('', 40)).toEqual([{ who: '', percent: 40 }]);
    expect(parseEffortCell('')).toEqual([]);
    expect(parseEffortCell('多め')).toBeNull();
    expect(parseEffortCell('120')).toBeNull();
  });
});

// Header words: a unit bracket stripped, a qualifier kept, the exact dictionary, and confusable pairs kept apart.
import { describe, expect, it } from 'vitest';
import { guessFromHeader, headerParts } from '../../../shared/excel/header-words';

const field = (h: string) => guessFromHeader(h)?.field ?? null;

describe('header words', () => {
  it('strips a unit and keeps a qualifier', () => {
    expect(headerParts('研究開発期間（開始）')).toEqual({ segments: ['研究開発期間', '開始'], unit: null });
    expect(headerParts('契約金額（円）')).toEqual({ segments: ['契約金額'], unit: 1 });
    expect(headerParts('直接経費 (単位：千円)')).toEqual({ segments: ['直接経費'], unit: 1000 });
    expect(headerParts('間接経費（一般管理費）').segments).toEqual(['間接経費', '一般管理費']);
  });

  it.each([
    ['研究開発期間（開始）', 'start'], ['研究開発期間（終了）', 'end'], ['研究期間/自', 'start'], ['研究期間/至', 'end'],
    ['研究期間 (年度)', 'period'], ['研究課題/領域番号', 'code'], ['研究開発代表者/氏名', 'pi'], ['研究開発代表者/職名', 'piPosition'],
    ['研究代表者職名', 'piPosition'], ['研究代表者/所属', 'department'], ['所属機関・役職', 'affiliationPosition'], ['委託元', 'funder'],
    ['研究種目', 'program'], ['配分額*注記', 'budgetText'], ['役職名', 'piPosition'], ['研究者番号', 'piResearcherNumber'],
  ])('%s → %s', (header, expected) => {
    expect(field(header)).toBe(expected);
  });

  it('never takes one of a confusable pair for the other', () => {
    const pairs: [string, string][] = [['直接経費', '間接経費'], ['研究代表者', '研究分担者'], ['氏名', '職名'], ['開始日', '終了日'], ['合計', '金額']];
    for (const [a, b] of pairs) expect(field(a)).not.toBe(field(b) ?? 'none');
    expect(field('研究分担者')).toBe('coInvestigators');
    expect(field('金額')).toBeNull();
    expect(field('合計')).toBe('total');
  });

  it('reads the fiscal year of a group and the field under it', () => {
    expect(guessFromHeader('令和7年度 契約額/間接経費（一般管理費）')).toMatchObject({ field: 'indirect', fiscalYear: 2025 });
    expect(guessFromHeader('令和8年度/計')).toMatchObject({ field: 'total', fiscalYear: 2026 });
    expect(guessFromHeader('R7直接経費（千円）')).toMatchObject({ field: 'direct', fiscalYear: 2025, unit: 1000 });
    expect(guessFromHeader('令和7年度')).toBeNull();
  });
});

// The corpus scorer itself: what counts as right, what as a miss, and what is reported as unexpected.
import { describe, expect, it } from 'vitest';
import { describeScore, formatShare, normalizeText, scoreRecords, totalScore } from './score';
import type { ActualRecords, ExpectedRecords } from './score';

const expected: ExpectedRecords = {
  projects: [
    { code: 'A-001', title: '課題一', pi: '山田 太郎', startDate: '2025-04-01', coInvestigators: ['佐藤 花子', '鈴木 一郎'] },
    { title: '番号のない課題', pi: '田中 次郎' },
  ],
  budgetLines: [
    { project: 'A-001', fiscalYear: 2025, directYen: 10_000_000, indirectYen: 3_000_000 },
    { project: '番号のない課題', fiscalYear: 2025, directYen: 1_000_000, indirectYen: 0 },
  ],
};

function perfect(): ActualRecords {
  return {
    projects: [
      { code: 'A-001', fields: { title: '課題一', pi: '山田　太郎', startDate: '2025-04-01', coInvestigators: ['鈴木一郎', '佐藤 花子'] } },
      { code: 'T-1f3a', fields: { title: '番号のない課題', pi: '田中次郎' } },
    ],
    budgetLines: [
      { code: 'A-001', fiscalYear: 2025, directYen: 10_000_000, indirectYen: 3_000_000 },
      { code: 'T-1f3a', fiscalYear: 2025, directYen: 1_000_000, indirectYen: 0 },
    ],
  };
}

describe('normalizeText', () => {
  it('folds width and drops every space', () => {
    expect(normalizeText(' 基盤研究（Ｂ）　山田\u3000太郎 ')).toBe('基盤研究(B)山田太郎');
  });
});

describe('scoreRecords', () => {
  it('counts every stated value, the code of an ID layout and two amounts per budget line', () => {
    const s = scoreRecords(expected, perfect());
    // code + 4 fields; untitled: title + pi; 2 lines × 2 amounts.
    expect(s).toEqual({ right: 11, expected: 11, misses: [], unexpectedProjects: [], unexpectedBudgetLines: [] });
  });

  it('lists a wrong field, a swapped amount and a wrong co-investigator list as misses', () => {
    const actual = perfect();
    actual.projects[0]!.fields = { ...actual.projects[0]!.fields, startDate: '2025-04-02', coInvestigators: ['佐藤 花子'] };
    actual.budgetLines[0] = { code: 'A-001', fiscalYear: 2025, directYen: 3_000_000, indirectYen: 10_000_000 };
    const s = scoreRecords(expected, actual);
    expect(s.right).toBe(7);
    expect(s.misses.map((m) => `${m.project}:${m.field}`)).toEqual(['A-001:startDate', 'A-001:coInvestigators', 'A-001:directYen', 'A-001:indirectYen']);
    expect(s.misses[0]).toMatchObject({ expected: '2025-04-01', actual: '2025-04-02' });
  });

  it('misses every value of a project that was not imported, and a budget line of the wrong year', () => {
    const actual = perfect();
    actual.projects.splice(0, 1);
    actual.budgetLines[1]!.fiscalYear = 2026;
    const s = scoreRecords(expected, actual);
    expect(s.right).toBe(2);
    expect(s.misses.filter((m) => m.project === 'A-001')).toHaveLength(7);
    expect(s.misses.find((m) => m.field === 'code')).toMatchObject({ project: 'A-001', actual: null });
    expect(s.misses.filter((m) => m.project === '番号のない課題').map((m) => m.actual)).toEqual(['no budget line', 'no budget line']);
    expect(s.unexpectedBudgetLines).toEqual([{ code: 'T-1f3a', fiscalYear: 2026 }]);
  });

  it('treats a missing field and a null amount as misses, not as right', () => {
    const actual = perfect();
    delete (actual.projects[1]!.fields as Record<string, unknown>).pi;
    actual.budgetLines[1]!.indirectYen = null;
    const s = scoreRecords(expected, actual);
    expect(s.misses.map((m) => m.field)).toEqual(['pi', 'indirectYen']);
  });

  it('reports projects nobody expected and ignores empty lines for unstated years', () => {
    const actual = perfect();
    actual.projects.push({ code: '小計', fields: { title: '小計' } });
    actual.budgetLines.push({ code: 'A-001', fiscalYear: 2026, directYen: null, indirectYen: 0 });
    const s = scoreRecords(expected, actual);
    expect(s.right).toBe(s.expected);
    expect(s.unexpectedProjects).toEqual(['小計']);
    expect(s.unexpectedBudgetLines).toEqual([]);
    expect(describeScore(s)).toEqual(['unexpected project 小計']);
  });

  it('does not count a second record of a matched project as unexpected (the same code on two year sheets)', () => {
    const actual = perfect();
    actual.projects.push({ code: 'A-001', fields: { title: '課題一' } });
    const s = scoreRecords(expected, actual);
    expect(s.right).toBe(s.expected);
    expect(s.unexpectedProjects).toEqual([]);
  });

  it('matches each imported project once, so a duplicate expected code is a miss', () => {
    const twice: ExpectedRecords = { projects: [expected.projects[0]!, expected.projects[0]!], budgetLines: [] };
    const s = scoreRecords(twice, perfect());
    expect(s.misses.filter((m) => m.field === 'code')).toHaveLength(1);
  });
});

describe('totals and shares', () => {
  it('sums files and never rounds a shortfall up to 100%', () => {
    const a = scoreRecords(expected, perfect());
    const b = { ...a, right: 1998, expected: 1999 };
    expect(totalScore([a, b])).toEqual({ right: 2009, expected: 2010 });
    expect(formatShare(1998, 1999)).toBe('99.9% (1998/1999)');
    expect(formatShare(3, 3)).toBe('100.0% (3/3)');
    expect(formatShare(0, 0)).toBe('100.0% (0/0)');
  });
});

describe('describeScore', () => {
  it('lists a lost project once and every other miss on its own line', () => {
    const actual = perfect();
    actual.projects.splice(1, 1);
    actual.projects[0]!.fields = { ...actual.projects[0]!.fields, pi: '山田 花子' };
    expect(describeScore(scoreRecords(expected, actual))).toEqual(['番号のない課題: not imported (4 values)', 'A-001 pi: expected 山田 太郎, got 山田 花子']);
  });
});

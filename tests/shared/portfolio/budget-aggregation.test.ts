import { describe, expect, it } from 'vitest';
import { budgetTotals, sumBudget } from '../../../shared/portfolio/budget-aggregation';
import { makeLine, makeProject } from './fixtures';

const projects = [
  makeProject('a', { programId: 'binds', department: '医学研究科' }),
  makeProject('b', { programId: 'binds', department: '薬学研究科' }),
  makeProject('c', { programId: null, department: '医学研究科' }),
  makeProject('gone', { programId: 'binds', deletedAt: '2025-01-01T00:00:00Z' }),
];
const lines = [makeLine('a', 2025, 10_000_000), makeLine('a', 2026, 8_000_000), makeLine('b', 2025, 5_000_000, 0), makeLine('c', 2025, 1_000_000), makeLine('gone', 2025, 99_000_000)];

describe('budget aggregation', () => {
  it('totals by program for one fiscal year, leaving out the trash', () => {
    const rows = budgetTotals(lines, projects, 'program', 2025);
    expect(rows).toEqual([
      { key: 'binds', directYen: 15_000_000, indirectYen: 3_000_000, totalYen: 18_000_000, projectCount: 2 },
      { key: '', directYen: 1_000_000, indirectYen: 300_000, totalYen: 1_300_000, projectCount: 1 },
    ]);
  });
  it('totals by department and by year', () => {
    const dept = budgetTotals(lines, projects, 'department');
    expect(dept.find((r) => r.key === '医学研究科')!.totalYen).toBe(13_000_000 + 10_400_000 + 1_300_000);
    expect(budgetTotals(lines, projects, 'year').map((r) => [r.key, r.totalYen])).toEqual([['2025', 19_300_000], ['2026', 10_400_000]]);
  });
  it('sums lines', () => {
    expect(sumBudget(lines.slice(0, 2))).toEqual({ directYen: 18_000_000, indirectYen: 5_400_000, totalYen: 23_400_000 });
    expect(sumBudget(lines.slice(0, 2), 2026).totalYen).toBe(10_400_000);
  });
});

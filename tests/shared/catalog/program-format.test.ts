// Budget, change and period wording, against the catalog's real figures.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { formatBudget, formatBudgetChange, formatBudgetShort, formatPeriod } from '../../../shared/catalog/program-format';

const binds = BUILTIN_CATALOG.programs.find((p) => p.id === 'binds')!;

describe('program format', () => {
  it('shows budgets in 億円 with the exact yen', () => {
    expect(formatBudget(binds.budgetYen.request, 'ja')).toBe('36億円（3,600,000,000円）');
    expect(formatBudget(binds.budgetYen.supplementary, 'ja')).toBe('12億円（1,200,000,000円）');
    expect(formatBudget(1_234_000_000, 'ja')).toBe('12.34億円（1,234,000,000円）');
    expect(formatBudget(3_600_000_000, 'en')).toBe('JPY 3.6 billion (JPY 3,600,000,000)');
    expect(formatBudget(null, 'ja')).toBeNull();
  });
  it('shows the change with sign, amount and percent', () => {
    expect(formatBudgetChange(3_600_000_000, 3_600_000_000, 'ja')).toBe('±0円（±0円、±0.0%）');
    expect(formatBudgetChange(3_900_000_000, 3_600_000_000, 'ja')).toBe('+3億円（+300,000,000円、+8.3%）');
    expect(formatBudgetChange(3_590_000_000, 3_600_000_000, 'ja')).toBe('−10,000,000円（−10,000,000円、−0.3%）');
    expect(formatBudgetChange(100, 0, 'en')).toBe('+JPY 100');
    expect(formatBudgetChange(null, 1, 'ja')).toBeNull();
  });
  it('shows periods in wareki with western years', () => {
    expect(formatPeriod(binds.period, 'ja')).toBe('令和4年度〜令和8年度 (FY2022–FY2026)');
    expect(formatPeriod(binds.period, 'en')).toBe('FY2022–FY2026 (R4–R8)');
    expect(formatPeriod({ startFiscalYear: 2018, endFiscalYear: null }, 'ja')).toBe('平成30年度〜 (FY2018–…)');
    expect(formatPeriod({ startFiscalYear: null, endFiscalYear: null }, 'ja')).toBeNull();
  });
  it('shows compact budgets for lists', () => {
    expect(formatBudgetShort(11_000_000_000, 'ja')).toBe('110億円');
    expect(formatBudgetShort(920_000_000, 'ja')).toBe('9.2億円');
    expect(formatBudgetShort(11_000_000_000, 'en')).toBe('¥11bn');
    expect(formatBudgetShort(40_000_000, 'en')).toBe('¥0.04bn');
    expect(formatBudgetShort(null, 'ja')).toBe('');
  });
});

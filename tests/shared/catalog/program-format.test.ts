// Budget, change and period wording, against the catalog's real figures.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import {
  amountKindOf, formatBudget, formatBudgetChange, formatBudgetShort, formatGateTiming, formatManagedBy, formatPeriod, formatTrackAmount,
} from '../../../shared/catalog/program-format';

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

describe('not stated, amount kinds and gate timing', () => {
  it('shows a body the document does not name as 記載なし / Not stated', () => {
    expect(formatManagedBy(null, 'ja')).toBe('記載なし');
    expect(formatManagedBy(null, 'en')).toBe('Not stated');
    expect(formatManagedBy('AMED', 'ja')).toBe('AMED');
  });
  it('says what kind of figure a per-year amount is', () => {
    expect(formatTrackAmount(30_000_000, 'maximum', 'million', 'ja')).toBe('最大30百万円');
    expect(formatTrackAmount(40_000_000, 'about', 'million', 'ja')).toBe('40百万円程度');
    expect(formatTrackAmount(30_000_000, 'flat', 'million', 'ja')).toBe('30百万円（定額）');
    expect(formatTrackAmount(30_000_000, null, 'million', 'ja')).toBe('30百万円');
    expect(formatTrackAmount(2_000_000, 'flat', 'yen', 'en')).toBe('2,000,000 JPY (fixed)');
    expect(formatTrackAmount(40_000_000, 'about', 'million', 'en')).toBe('about 40 M JPY');
    expect(formatTrackAmount(10_000_000, 'maximum', 'million', 'en')).toBe('up to 10 M JPY');
    expect(formatTrackAmount(null, 'maximum', 'million', 'ja')).toBeNull();
  });
  it('reads the kind from the track: stated, not stated, or a cap in editions from before kinds existed', () => {
    expect(amountKindOf({ maxAnnualYen: 30_000_000, amountKind: 'flat' })).toBe('flat');
    expect(amountKindOf({ maxAnnualYen: 30_000_000, amountKind: null })).toBeNull();
    expect(amountKindOf({ maxAnnualYen: 30_000_000 })).toBe('maximum');
    expect(amountKindOf({ maxAnnualYen: null })).toBeNull();
  });
  it('shows a gate with no fixed year as 研究期間の途中', () => {
    expect(formatGateTiming({ afterYear: 2 }, 'ja')).toBe('2年目終了後');
    expect(formatGateTiming({ afterYear: 2 }, 'en')).toBe('After year 2');
    expect(formatGateTiming({ afterYear: null }, 'ja')).toBe('研究期間の途中');
    expect(formatGateTiming({ afterYear: null }, 'en')).toBe('During the research period');
  });
});

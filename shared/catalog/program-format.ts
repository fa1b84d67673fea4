// How catalog figures read on screen and in reports: budgets in 億円 with the exact yen beside them, the change from
// the previous year, and program periods in wareki with western years. Pure so the wording is tested once.
import { ERAS, fiscalYearLabelJa } from '../calendar/wareki';
import { formatYen, yenChange } from '../money/yen';
import type { CatalogProgram } from './schema';

type Lang = 'ja' | 'en';

function groupDigits(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(n);
}

/**
 * A budget (whole yen) as "36億円（3,600,000,000円）" in Japanese or "JPY 3.6 billion (JPY 3,600,000,000)" in English.
 * Null (not stated, or "〜の内数") returns null so the caller can show its own wording.
 */
export function formatBudget(yen: number | null, lang: Lang): string | null {
  if (yen === null) return null;
  if (lang === 'ja') return `${formatYen(yen, 'oku', 'ja')}（${formatYen(yen, 'yen', 'ja')}）`;
  const billions = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(yen / 1e9);
  return `JPY ${billions} billion (JPY ${groupDigits(yen, 'en')})`;
}

/**
 * Change from previous to current (whole yen) as "+3億円（+300,000,000円、+8.3%）", "−1,000万円…", or null when a side
 * is missing. Zero change returns the amount 0 with 0.0%.
 */
export function formatBudgetChange(current: number | null, previous: number | null, lang: Lang): string | null {
  const change = yenChange(current, previous);
  if (!change) return null;
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const abs = Math.abs(change.delta);
  const pct = change.percent === null ? null : `${change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±'}${Math.abs(change.percent).toFixed(1)}%`;
  if (lang === 'ja') {
    const oku = abs >= 100_000_000 ? formatYen(abs, 'oku', 'ja') : formatYen(abs, 'yen', 'ja');
    return `${sign}${oku}（${sign}${formatYen(abs, 'yen', 'ja')}${pct ? `、${pct}` : ''}）`;
  }
  return `${sign}JPY ${groupDigits(abs, 'en')}${pct ? ` (${pct})` : ''}`;
}

function eraShort(fy: number): string {
  const era = ERAS.find((e) => fy >= e.firstYear) ?? ERAS[ERAS.length - 1]!;
  return `${era.letter}${fy - era.firstYear + 1}`;
}

/**
 * A program period (inclusive western fiscal years) as "令和4年度〜令和8年度 (FY2022–FY2026)" in Japanese or
 * "FY2022–FY2026 (R4–R8)" in English; an open side prints as "…" in the western part. Null when both ends are unknown.
 */
export function formatPeriod(period: CatalogProgram['period'], lang: Lang): string | null {
  const { startFiscalYear: s, endFiscalYear: e } = period;
  if (s === null && e === null) return null;
  const west = `${s !== null ? `FY${s}` : '…'}–${e !== null ? `FY${e}` : '…'}`;
  if (lang === 'ja') return `${s !== null ? fiscalYearLabelJa(s) : ''}〜${e !== null ? fiscalYearLabelJa(e) : ''} (${west})`;
  return `${west} (${s !== null ? eraShort(s) : '…'}–${e !== null ? eraShort(e) : '…'})`;
}

/** Budget in 億円 as a plain number for charts (3,600,000,000 → 36). */
export function yenToOku(yen: number | null): number {
  return yen === null ? 0 : yen / 100_000_000;
}

/** A compact budget for lists: "36億円" / "¥3.6bn" (whole yen in; null → empty string). */
export function formatBudgetShort(yen: number | null, lang: Lang): string {
  if (yen === null) return '';
  if (lang === 'ja') return formatYen(yen, 'oku', 'ja', yen < 1_000_000_000 ? 1 : 0);
  const bn = yen / 1e9;
  return `¥${new Intl.NumberFormat('en-US', { maximumFractionDigits: bn < 1 ? 2 : 1 }).format(bn)}bn`;
}

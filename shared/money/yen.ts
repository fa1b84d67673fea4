// Money display: stored as whole yen, shown in the unit the office reads best (円, 千円, 百万円, 億円).
import type { Bilingual } from '../domain/message';

export const YEN_UNITS = ['yen', 'thousand', 'million', 'oku'] as const;
export type YenUnit = (typeof YEN_UNITS)[number];

export const YEN_UNIT_FACTOR: Record<YenUnit, number> = { yen: 1, thousand: 1_000, million: 1_000_000, oku: 100_000_000 };

export const YEN_UNIT_LABEL: Record<YenUnit, Bilingual> = {
  yen: { ja: '円', en: 'JPY' },
  thousand: { ja: '千円', en: 'k JPY' },
  million: { ja: '百万円', en: 'M JPY' },
  oku: { ja: '億円', en: '100M JPY' },
};

/**
 * Formats whole yen in a unit, grouping digits; fractional units keep up to `digits` decimals (default: 0 for 円/千円,
 * 1 for 百万円, 2 for 億円), trailing zeros dropped. Null prints as an em dash.
 */
export function formatYen(amountYen: number | null | undefined, unit: YenUnit, lang: 'ja' | 'en', digits?: number): string {
  if (amountYen === null || amountYen === undefined || Number.isNaN(amountYen)) return '—';
  const value = amountYen / YEN_UNIT_FACTOR[unit];
  const maxDigits = digits ?? (unit === 'yen' || unit === 'thousand' ? 0 : unit === 'million' ? 1 : 2);
  const text = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: maxDigits }).format(value);
  return lang === 'ja' ? `${text}${YEN_UNIT_LABEL[unit].ja}` : `${text} ${YEN_UNIT_LABEL[unit].en}`;
}

/** Change from previous to current as a signed amount and percentage (null when either side is missing or previous is 0). */
export function yenChange(current: number | null, previous: number | null): { delta: number; percent: number | null } | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  return { delta, percent: previous === 0 ? null : (delta / previous) * 100 };
}

/** Indirect cost at the usual rate (default 30% of direct), rounded down to whole yen as contracts do. */
export function defaultIndirect(directYen: number, rate = 0.3): number {
  return Math.floor(directYen * rate);
}

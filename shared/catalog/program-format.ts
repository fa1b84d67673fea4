// How catalog figures read on screen and in reports: budgets in 億円 with the exact yen beside them, the change from
// the previous year, program periods in wareki with western years, per-year amounts with their kind (cap, about,
// fixed), stage-gate timing, and the wording for a field the document does not state. Pure so it is tested once.
import { ERAS, fiscalYearLabelJa } from '../calendar/wareki';
import { formatYen, yenChange } from '../money/yen';
import type { YenUnit } from '../money/yen';
import type { AmountKind, CatalogProgram, CatalogTrack, StageGate } from './schema';

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

/** A compact budget for lists: "36億円" / "¥3.6bn" (whole yen in; null → empty string). */
export function formatBudgetShort(yen: number | null, lang: Lang): string {
  if (yen === null) return '';
  if (lang === 'ja') return formatYen(yen, 'oku', 'ja', yen < 1_000_000_000 ? 1 : 0);
  const bn = yen / 1e9;
  return `¥${new Intl.NumberFormat('en-US', { maximumFractionDigits: bn < 1 ? 2 : 1 }).format(bn)}bn`;
}

/** What the screen shows for a field the document does not state (never a guessed default). */
export const NOT_STATED_LABEL = { ja: '記載なし', en: 'Not stated' } as const;

/** A managing body for display: the name, or 「記載なし」 / "Not stated" when the document names none. */
export function formatManagedBy(managedBy: string | null | undefined, lang: Lang): string {
  return managedBy ?? NOT_STATED_LABEL[lang];
}

/**
 * The kind of a track's per-year figure. Editions made before `amountKind` existed stored only caps there, so a figure
 * without the field reads as a maximum; a stored null means the kind is not stated.
 */
export function amountKindOf(track: Pick<CatalogTrack, 'maxAnnualYen' | 'amountKind'>): AmountKind | null {
  if (track.amountKind !== undefined) return track.amountKind;
  return track.maxAnnualYen !== null ? 'maximum' : null;
}

/**
 * A per-year figure with its kind: 「最大3,000万円」「4,000万円程度」「3,000万円（定額）」 / "up to 30 M JPY",
 * "about 40 M JPY", "30 M JPY (fixed)"; a figure of unstated kind prints as is. Null when there is no figure.
 */
export function formatTrackAmount(yen: number | null, kind: AmountKind | null, unit: YenUnit, lang: Lang): string | null {
  if (yen === null) return null;
  const amount = formatYen(yen, unit, lang);
  if (lang === 'ja') {
    if (kind === 'maximum') return `最大${amount}`;
    if (kind === 'about') return `${amount}程度`;
    if (kind === 'flat') return `${amount}（定額）`;
    return amount;
  }
  if (kind === 'maximum') return `up to ${amount}`;
  if (kind === 'about') return `about ${amount}`;
  if (kind === 'flat') return `${amount} (fixed)`;
  return amount;
}

/** When a gate falls: 「1年目終了後」 / "After year 1", or 「研究期間の途中」 / "During the research period" without a year. */
export function formatGateTiming(gate: Pick<StageGate, 'afterYear'>, lang: Lang): string {
  if (gate.afterYear === null) return lang === 'ja' ? '研究期間の途中' : 'During the research period';
  return lang === 'ja' ? `${gate.afterYear}年目終了後` : `After year ${gate.afterYear}`;
}

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

/** One formatter per locale and digits: building an Intl.NumberFormat costs far more than formatting with it, and a
 * report formats thousands of amounts. */
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: 'ja' | 'en', maxDigits: number): Intl.NumberFormat {
  const key = `${lang}/${maxDigits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: maxDigits })));
  return f;
}

/**
 * Formats whole yen in a unit, grouping digits; fractional units keep up to `digits` decimals (default: 0 for 円/千円,
 * 1 for 百万円, 2 for 億円), trailing zeros dropped. Null prints as an em dash.
 */
export function formatYen(amountYen: number | null | undefined, unit: YenUnit, lang: 'ja' | 'en', digits?: number): string {
  if (amountYen === null || amountYen === undefined || Number.isNaN(amountYen)) return '—';
  const value = amountYen / YEN_UNIT_FACTOR[unit];
  const maxDigits = digits ?? (unit === 'yen' || unit === 'thousand' ? 0 : unit === 'million' ? 1 : 2);
  const text = numberFormat(lang, maxDigits).format(value);
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

const NO_FIGURE = new Set(['', '-', '−', '‐', '–', '—', '―', 'ー', '未定', '未確定', 'なし', '無し', 'n/a', 'na', 'tbd', '該当なし', '*', '…']);

/**
 * True for the ways offices leave a cell without a figure: blank, 未定, "-", －, ―, なし, TBD (NFKC-folded first). For a
 * date that is all a dash says; an amount parser asks `isNilDash` first, since a dash there states zero.
 */
export function isNoFigure(text: string): boolean {
  return NO_FIGURE.has(text.normalize('NFKC').replace(/[\s\u3000]+/g, ' ').trim().toLowerCase());
}

const NIL_DASHES = new Set(['-', '−', '‐', '–', '—', '―', 'ー']);

/** True for a lone dash (-, －, ―, ー …): in an amount cell it states "none", i.e. 0 yen, unlike blank or 未定. */
export function isNilDash(text: string): boolean {
  return NIL_DASHES.has(text.normalize('NFKC').replace(/[\s\u3000]+/g, '').trim());
}

/** What an amount written as text says, in whole yen: a figure, no figure (never 0), a negative figure, or not an amount. */
export type YenText = { kind: 'yen'; yen: number } | { kind: 'none'; text: string } | { kind: 'negative'; yen: number } | { kind: 'invalid' };

const UNIT_SUFFIX = /(億円|百万円|万円|千円|円|jpy|yen)$/i;
/** Amounts written with their own units, as people type budgets: 36億, 1.2億, 1億2000万, 500万円, 1200千円. */
const COMPOUND = /^([-−△▲])?((?:\d+(?:\.\d+)?[億万千])+)(\d*)円?$/;
const KANJI_FACTOR: Readonly<Record<string, number>> = { 億: 100_000_000, 万: 10_000, 千: 1_000 };

function compoundYen(s: string): YenText | null {
  const m = COMPOUND.exec(s);
  if (!m) return null;
  let total = m[3] ? Number(m[3]) : 0;
  for (const part of m[2]!.matchAll(/(\d+(?:\.\d+)?)([億万千])/g)) total += Number(part[1]) * KANJI_FACTOR[part[2]!]!;
  const yen = Math.round(total);
  if (!Number.isSafeInteger(yen)) return { kind: 'invalid' };
  return m[1] && yen !== 0 ? { kind: 'negative', yen: -yen } : { kind: 'yen', yen };
}
const SUFFIX_FACTOR: Readonly<Record<string, number>> = { 億円: 100_000_000, 百万円: 1_000_000, 万円: 10_000, 千円: 1_000 };

/**
 * The one parser of an amount written as text (the import's cells and the form's inputs): full-width digits, commas
 * (, 、 ，), spaces, ¥/￥, a unit suffix (円, 千円, 万円, 百万円, 億円) that wins over `unitFactor`, ▲/△/- negatives,
 * footnote marks (10,000,000円※1) and 「(予定)」, and amounts written with their own units (36億, 1億2000万, 500万円: the
 * units written win over `unitFactor`). A lone dash (－, ―, -) states none: 0 yen. 未定 and blank are no figure (never
 * 0). Rounded to the nearest yen.
 */
export function parseYenText(text: string, unitFactor: number): YenText {
  if (isNilDash(text)) return { kind: 'yen', yen: 0 };
  let s = text.normalize('NFKC').replace(/[,\s、]/g, '').replace(/(?:※|\*|注)\d*$/, '').replace(/[(（]?予定[)）]?$/, '').replace(/^[¥\\]/, '');
  if (isNoFigure(s)) return { kind: 'none', text: text.normalize('NFKC').trim() };
  const compound = compoundYen(s);
  if (compound) return compound;
  let factor = unitFactor;
  const suffix = UNIT_SUFFIX.exec(s);
  if (suffix) {
    factor = SUFFIX_FACTOR[suffix[1]!] ?? 1;
    s = s.slice(0, -suffix[1]!.length);
  }
  const negative = /^[-−△▲]/.test(s) || /^\(.*\)$/.test(s);
  s = s.replace(/^[-−△▲+]/, '').replace(/^\((.*)\)$/, '$1');
  if (!/^\d+(\.\d+)?$/.test(s)) return { kind: 'invalid' };
  const yen = Math.round(Number(s) * factor);
  if (!Number.isSafeInteger(yen)) return { kind: 'invalid' };
  return negative && yen !== 0 ? { kind: 'negative', yen: -yen } : { kind: 'yen', yen };
}

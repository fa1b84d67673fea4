// Amounts as staff type them: "1,234", full-width "１２３４", "1.5" in 百万円. Converts to whole yen, or says why not.
import { parseYenText, YEN_UNIT_FACTOR } from '../money/yen';
import type { YenUnit } from '../money/yen';
import type { Bilingual } from '../domain/message';

export type AmountParse = { ok: true; yen: number } | { ok: false; message: Bilingual };

/**
 * Parses an amount typed in `unit` (円/千円/百万円/億円) into whole yen, rounding half up to the yen.
 * Accepts full-width digits, commas (ASCII or 、，), spaces, a trailing unit word (円, 千円, 百万円) and ¥. A blank box is no figure and never 0: it asks for
 * an amount (0 when there is none), as 未定 does.
 * Negative amounts are refused (budgets are never negative).
 */
export function parseAmountInput(text: string, unit: YenUnit): AmountParse {
  if (!text.trim()) return { ok: false, message: { ja: '金額を入力してください（ない場合は 0）。', en: 'Enter an amount (0 if there is none).' } };
  const parsed = parseYenText(text, YEN_UNIT_FACTOR[unit]);
  if (parsed.kind === 'yen') return { ok: true, yen: parsed.yen };
  if (parsed.kind === 'negative') return { ok: false, message: { ja: '金額にマイナスは入力できません。', en: 'Amounts cannot be negative.' } };
  return { ok: false, message: { ja: `「${text}」は金額として読めません。`, en: `"${text}" is not an amount.` } };
}

/** The number to show in an input box for an amount in a unit (no grouping, no unit word). */
export function amountForInput(yen: number, unit: YenUnit): string {
  const v = yen / YEN_UNIT_FACTOR[unit];
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}

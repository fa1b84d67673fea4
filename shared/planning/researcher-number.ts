// e-Rad researcher numbers (研究者番号): 8 digits kept as text, checked but never refused. The check-digit rule is
// UNCONFIRMED: the one rule below is a documented guess (docs/planning.md, "Researcher numbers"), kept in one function.
import type { Bilingual } from '../domain/message';

export type ResearcherNumberCheck =
  | { kind: 'empty' }
  | { kind: 'ok'; number: string }
  /** Not 8 digits: a warning, the text is kept as typed. */
  | { kind: 'malformed'; number: string; message: Bilingual }
  /** 8 digits whose check digit disagrees with our guessed rule: a warning only. */
  | { kind: 'check-digit'; number: string; expected: number; message: Bilingual };

/** Full-width digits and spaces folded: '０１２３ ４５６７' → '01234567'. Leading zeros are kept (it is text). */
export function normalizeResearcherNumber(text: string): string {
  return text.normalize('NFKC').replace(/[\s\-‐－]/g, '');
}

/**
 * The check digit our guess expects for an 8-digit number: the FIRST digit is taken to be the check digit,
 * (d2 + 2·d3 + d4 + 2·d5 + d6 + 2·d7 + d8) mod 10. Public sources say only that the first digit is a mod-10 check
 * digit; this weighting is ours and agrees with the one published example (90050426). Change it here if e-Rad
 * documents otherwise.
 */
export function guessedCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 1; i < 8; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
  return sum % 10;
}

/** Checks a researcher number as typed; never refuses (the office may know better than our guess). */
export function checkResearcherNumber(text: string): ResearcherNumberCheck {
  const number = normalizeResearcherNumber(text);
  if (!number) return { kind: 'empty' };
  if (!/^\d{8}$/.test(number)) {
    return {
      kind: 'malformed', number,
      message: {
        ja: `研究者番号「${number}」は8桁の数字ではありません。このまま保存しますが、確認してください。`,
        en: `Researcher number "${number}" is not 8 digits. It is kept as typed; please check it.`,
      },
    };
  }
  const expected = guessedCheckDigit(number);
  if (Number(number[0]) !== expected) {
    return {
      kind: 'check-digit', number, expected,
      message: {
        ja: `研究者番号「${number}」の検査数字が想定と一致しません（規則は未確認のため、保存はします）。`,
        en: `Researcher number "${number}" fails the check-digit test (the rule is unconfirmed, so it is kept).`,
      },
    };
  }
  return { kind: 'ok', number };
}

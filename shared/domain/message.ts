// The one shape of a user-facing text in both UI languages. New code returns `Bilingual` (not messageJa/messageEn
// pairs or message/messageJa), so a screen picks a language the same way everywhere.

export type Language = 'ja' | 'en';

/** A text in plain Japanese and plain English. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** The text in `lang`. */
export function inLanguage(text: Bilingual, lang: Language): string {
  return text[lang];
}

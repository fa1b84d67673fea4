// The one shape of a user-facing text in both UI languages. New code returns `Bilingual` (not messageJa/messageEn
// pairs or message/messageJa), so a screen picks a language the same way everywhere: `text[lang]`.

export type Language = 'ja' | 'en';

/** A text in plain Japanese and plain English. */
export interface Bilingual {
  ja: string;
  en: string;
}

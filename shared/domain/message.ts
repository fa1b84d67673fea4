// The one shape of a user-facing text in both UI languages: every message (import problems and refusals, form and
// planning problems, risk flags, storage errors) is a `Bilingual`, so a screen picks a language one way: `text[lang]`.

export type Language = 'ja' | 'en';

/** A text in plain Japanese and plain English. */
export interface Bilingual {
  ja: string;
  en: string;
}

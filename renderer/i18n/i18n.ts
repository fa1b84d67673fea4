// UI language: Japanese by default, English available. The first start follows the OS/browser language; the user's
// choice is kept in localStorage so it applies before the database opens (no flash of the wrong language).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonStrings } from './common-strings';

export type UiLanguage = 'ja' | 'en';
export const LANGUAGE_STORAGE_KEY = 'gp.uiLanguage';

/** Feature string tables register themselves here under their own namespace. */
export interface StringTable {
  ja: Record<string, unknown>;
  en: Record<string, unknown>;
}

export function initialLanguage(stored: string | null, systemLocale: string): UiLanguage {
  if (stored === 'ja' || stored === 'en') return stored;
  return systemLocale.toLowerCase().startsWith('ja') ? 'ja' : systemLocale ? 'en' : 'ja';
}

export async function initI18n(tables: Record<string, StringTable>): Promise<typeof i18next> {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  const lng = initialLanguage(stored, navigator.language ?? 'ja');
  const resources: Record<UiLanguage, Record<string, Record<string, unknown>>> = { ja: { common: commonStrings.ja }, en: { common: commonStrings.en } };
  for (const [ns, table] of Object.entries(tables)) {
    resources.ja[ns] = table.ja;
    resources.en[ns] = table.en;
  }
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'ja',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export async function changeLanguage(lang: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this session only.
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export function currentLanguage(): UiLanguage {
  return i18next.language === 'en' ? 'en' : 'ja';
}

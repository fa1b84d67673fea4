// The UI language as the two values screens branch on (catalog names, wareki labels), for every feature.
import { useTranslation } from 'react-i18next';

export function useLang(): 'ja' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}

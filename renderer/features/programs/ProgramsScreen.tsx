// The Programs screen.
import { useTranslation } from 'react-i18next';

export function ProgramsScreen() {
  const { t } = useTranslation('programs');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

// The Timeline screen.
import { useTranslation } from 'react-i18next';

export function TimelineScreen() {
  const { t } = useTranslation('timeline');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

// The Deadlines screen.
import { useTranslation } from 'react-i18next';

export function DeadlinesScreen() {
  const { t } = useTranslation('deadlines');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

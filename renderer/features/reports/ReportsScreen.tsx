// The Reports screen.
import { useTranslation } from 'react-i18next';

export function ReportsScreen() {
  const { t } = useTranslation('reports');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

// The Dashboard screen.
import { useTranslation } from 'react-i18next';

export function DashboardScreen() {
  const { t } = useTranslation('dashboard');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

// The Projects screen.
import { useTranslation } from 'react-i18next';

export function ProjectsScreen() {
  const { t } = useTranslation('projects');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

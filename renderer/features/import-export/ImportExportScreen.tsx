// The Import/Export screen.
import { useTranslation } from 'react-i18next';

export function ImportExportScreen() {
  const { t } = useTranslation('importExport');
  return (
    <section>
      <h1>{t('title')}</h1>
    </section>
  );
}

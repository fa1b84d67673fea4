// The banner that tells the user, in plain words, when their data needs attention (disk full, another window upgraded).
import { useTranslation } from 'react-i18next';
import { describeStorageError, useHealthNotices } from '../app/storage-health';

export function HealthBanner() {
  const { t, i18n } = useTranslation();
  const [notices, dismiss] = useHealthNotices();
  if (!notices.length) return null;
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <div className="health-banners no-print">
      {notices.map((n) => (
        <div key={n.kind} role="alert" className="health-banner">
          {n.kind === 'version-change' ? (
            <>
              <span>{t('health.versionChange')}</span>
              <button type="button" onClick={() => window.location.reload()}>{t('reload')}</button>
            </>
          ) : (
            <>
              <span>{n.kind === 'quota' ? describeStorageError({ name: 'QuotaExceededError' })[lang] : describeStorageError(new Error(n.detail))[lang]}</span>
              <button type="button" onClick={() => dismiss(n)}>{t('close')}</button>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

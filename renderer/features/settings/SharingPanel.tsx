// Settings → 共有（同期）/ Sharing: the office's server, who signs in, turning sync on and off, the first upload's and
// download's progress and the last error in plain words. The password lives only in this window's memory; the first
// turn-on takes an automatic backup before anything is uploaded.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../platform/desktop-api';
import { useLang } from '../../i18n/use-lang';
import { takeSnapshot } from '../../store/backup';
import { usePreferences } from '../../store/preferences';
import { useSyncConfig, useSyncReviewCount } from '../../store/sync-settings';
import type { SyncConfig } from '../../store/sync-settings';
import { SyncUserError, startSync, stopSync, useSyncStatus } from '../../sync/sync-session';

/** Session-only: kept while the window is open so the panel can be left and reopened, never written anywhere. */
let sessionPassword = '';

export function SharingPanel() {
  const config = useSyncConfig();
  // The form starts from the stored server and user once they are read.
  return config ? <SharingForm config={config} /> : null;
}

function SharingForm({ config }: { config: SyncConfig }) {
  const { t } = useTranslation('settings');
  const lang = useLang();
  const prefs = usePreferences();
  const status = useSyncStatus();
  const reviewCount = useSyncReviewCount();
  const [url, setUrl] = useState(config.url);
  const [user, setUser] = useState(config.user);
  const [password, setPassword] = useState(sessionPassword);
  const [busy, setBusy] = useState(false);
  const enabled = config.enabled;

  const start = async () => {
    setBusy(true);
    sessionPassword = password;
    try {
      await startSync({ url, user, password, beforeFirstUpload: async () => void (await takeSnapshot(desktopApi, 'manual', prefs.backupsToKeep)) });
    } catch (e) {
      // A SyncUserError is already the status's last error; anything else is unexpected and shown as it is.
      if (!(e instanceof SyncUserError)) console.error(e);
    } finally {
      setBusy(false);
    }
  };

  const turnOff = async () => {
    setBusy(true);
    try {
      await stopSync();
    } finally {
      setBusy(false);
    }
  };

  const ready = url.trim() !== '' && user.trim() !== '' && password !== '';
  const p = status.progress;
  const direction = p ? t(p.direction === 'push' ? 'sharing.up' : 'sharing.down') : '';
  return (
    <section aria-labelledby="sharing" className="sharing-panel">
      <h2 id="sharing">{t('sharing.title')}</h2>
      <p className="muted">{t('sharing.intro')}</p>
      <div className="form-grid">
        <label htmlFor="sync-url">{t('sharing.url')}</label>
        <input id="sync-url" type="url" value={url} disabled={enabled} placeholder="https://couch.example.ac.jp:6984/grant-portfolio" onChange={(e) => setUrl(e.target.value)} />
        <label htmlFor="sync-user">{t('sharing.user')}</label>
        <input id="sync-user" value={user} disabled={enabled} autoComplete="username" onChange={(e) => setUser(e.target.value)} />
        <label htmlFor="sync-password">{t('sharing.password')}</label>
        <input id="sync-password" type="password" value={password} disabled={status.running} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
      </div>
      <p className="muted">{t('sharing.passwordNote')}</p>
      {enabled && !status.running && <p className="notice" id="sync-sign-in-again">{t('sharing.signInAgain')}</p>}
      <div className="inline-form">
        {!status.running && (
          <button type="button" id="sync-start" disabled={busy || !ready} onClick={() => void start()}>
            {t(enabled ? 'sharing.resume' : 'sharing.turnOn')}
          </button>
        )}
        {enabled && (
          <button type="button" id="sync-stop" disabled={busy} onClick={() => void turnOff()}>
            {t('sharing.turnOff')}
          </button>
        )}
      </div>
      <p role="status" id="sync-status" data-state={status.state}>
        {t(`sharing.state.${status.state}`)}
        {p && ` — ${p.total !== undefined ? t('sharing.progress', { direction, docs: p.docs, total: p.total }) : t('sharing.progressUnknown', { direction, docs: p.docs })}`}
      </p>
      {p?.total !== undefined && status.state === 'syncing' && <progress id="sync-progress" max={Math.max(p.total, 1)} value={Math.min(p.docs, p.total)} />}
      {status.lastError && (
        <p role="alert" className="error" id="sync-error">
          {t('sharing.lastError', { message: status.lastError[lang] })}
        </p>
      )}
      {reviewCount > 0 && (
        <p>
          <a href="#/settings/review" id="sync-review-link">{t('sharing.reviewLink', { count: reviewCount })}</a>
        </p>
      )}
    </section>
  );
}

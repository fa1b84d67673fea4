// Settings → 共有（同期）/ Sharing: the office's server, who signs in, turning sync on and off, the first upload's and
// download's progress and the last error in plain words. The host keeps the password (desktop: safeStorage; browser:
// this window's memory); the first turn-on takes an automatic backup before anything is uploaded.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../../platform/desktop-api';
import { useLang } from '../../i18n/use-lang';
import { takeSnapshot } from '../../store/backup';
import { usePreferences } from '../../store/preferences';
import { saveSyncConfig, useSyncConfig, useSyncReviewCount } from '../../store/sync-settings';
import type { SyncConfig } from '../../store/sync-settings';
import type { Bilingual } from '../../../shared/domain/message';
import { syncServerOrigin } from '../../../shared/sync/server-origin';
import { SyncUserError, continueSyncAfterReload, startSync, stopSync, takeContinueAfterReload, useSyncStatus } from '../../sync/sync-session';

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
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Bilingual | null>(null);
  const enabled = config.enabled;

  const start = async (pw = password) => {
    setBusy(true);
    const cleanUrl = url.trim().replace(/\/+$/, '');
    try {
      // An unusable URL goes on to startSync, which refuses it in plain words; a usable one is told to the host first,
      // since the desktop app's policy lets the page reach only the configured server (from the next load on).
      if (syncServerOrigin(cleanUrl) !== null) {
        const { reloadNeeded } = await desktopApi.setSyncServer(cleanUrl);
        const kept = await desktopApi.keepSyncPassword({ url: cleanUrl, user: user.trim(), password: pw });
        setNote(kept.note);
        if (reloadNeeded) {
          await saveSyncConfig({ ...config, url: cleanUrl, user: user.trim() });
          continueSyncAfterReload();
          window.location.reload();
          return;
        }
      }
      await startSync({ url: cleanUrl, user, password: pw, beforeFirstUpload: async () => void (await takeSnapshot(desktopApi, 'manual', prefs.backupsToKeep)) });
    } catch (e) {
      // A SyncUserError is already the status's last error; anything else is unexpected and shown as it is.
      if (!(e instanceof SyncUserError)) console.error(e);
    } finally {
      setBusy(false);
    }
  };

  // The kept password for the stored account, if the host has one; after a reload the app made itself (the desktop's
  // new server, a restore), sync continues with it.
  useEffect(() => {
    if (config.url === '' || config.user === '') return;
    let live = true;
    void desktopApi.loadSyncPassword({ url: config.url, user: config.user }).then((kept) => {
      if (!live) return;
      // Taken even without a password (the browser build keeps none: its panel asks for it, "Resume sync").
      const go = takeContinueAfterReload();
      if (kept === null) return;
      setPassword(kept);
      if (go) void start(kept);
    });
    return () => {
      live = false;
    };
    // Once per stored account; `start` reads the form's current values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config.url, config.user]);

  const turnOff = async () => {
    setBusy(true);
    try {
      await stopSync();
      await desktopApi.forgetSyncPassword();
      await desktopApi.setSyncServer(null);
      setPassword('');
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
      {note && (
        <p className="notice" id="sync-password-note">
          {note[lang]}
        </p>
      )}
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
      <p role="status" id="sync-status" data-state={status.state} data-round={status.roundDone ? 'done' : undefined}>
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

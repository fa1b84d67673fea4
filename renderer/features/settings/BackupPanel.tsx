// Backup and restore: manual backups to a file, the list of automatic backups, and a restore that validates the whole
// file and shows what it holds before anything is replaced (the current data is backed up first).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotInfo } from '../../../shared/api/desktop-api';
import { savePreferences, usePreferences } from '../../store/preferences';
import { describeStorageError } from '../../app/storage-health';
import { desktopApi } from '../../platform/desktop-api';
import { useMenuAction } from '../../app/menu-actions';
import { takeSnapshot } from '../../store/backup';
import { PendingRestore, saveBackupFile } from '../../workers/backup-jobs';
import { JobProgress } from '../../components/JobProgress';
import { continueSyncAfterReload } from '../../sync/sync-session';
import { useJob } from '../../components/job-runner';

type Pending = { restore: PendingRestore; source: string };

/** Set before the reload that opens a restored database, so the reloaded panel says the restore is done. */
const RESTORED_BEFORE_RELOAD = 'gp-restored';

const JOB_LABELS = {
  backup: { ja: 'バックアップを保存しています', en: 'Saving the backup' },
  check: { ja: 'バックアップを検査しています', en: 'Checking the backup' },
  restore: { ja: '復元しています', en: 'Restoring' },
} as const;

export function BackupPanel() {
  const { t, i18n } = useTranslation('settings');
  const prefs = usePreferences();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [busy, setBusy] = useState(false);
  // Right after the reload that ends a restore, the panel says it is done.
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; details?: string[] } | null>(() =>
    sessionStorage.getItem(RESTORED_BEFORE_RELOAD) === null ? null : { kind: 'ok', text: t('restoreDone') },
  );
  const [pending, setPending] = useState<Pending | null>(null);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[]>([]);
  // While a restore writes, the window is covered: an edit made meanwhile would go to the data being replaced.
  const [restoring, setRestoring] = useState(false);
  // Backup, check and restore run in the backup Worker with the shared progress bar and cancel button.
  const job = useJob();

  const refresh = useCallback(() => {
    void desktopApi.listSnapshots().then(setSnapshots, () => setSnapshots([]));
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => sessionStorage.removeItem(RESTORED_BEFORE_RELOAD), []);

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage({ kind: 'error', text: describeStorageError(e)[lang] });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  /** A job of the shared runner; a failure is shown as the storage error it is, a cancel by the progress line. */
  const asJob = (label: (typeof JOB_LABELS)[keyof typeof JOB_LABELS], work: Parameters<typeof job.runner.run>[1]) =>
    guarded(async () => {
      const outcome = await job.runner.run(label, work);
      if (!outcome.ok && !outcome.cancelled) throw outcome.error;
    });

  const backupNow = () =>
    asJob(JOB_LABELS.backup, async (control) => {
      const result = await saveBackupFile(desktopApi, control);
      if (result.saved) setMessage({ kind: 'ok', text: t('backupSaved', { location: result.location ?? '' }) });
    });

  const validate = (file: Uint8Array | Blob, source: string) =>
    asJob(JOB_LABELS.check, async (control) => {
      const checked = await PendingRestore.check(file, control.signal);
      if (!checked.ok) {
        setMessage({ kind: 'error', text: t('restoreInvalid'), details: checked.problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`) });
        return;
      }
      setPending((old) => {
        old?.restore.dispose();
        return { restore: checked.pending, source };
      });
    });

  const chooseFile = () =>
    guarded(async () => {
      const file = await desktopApi.openFile({ filters: [{ name: 'Grant Portfolio backup', extensions: ['json'] }] });
      if (file) await validate(file.bytes, file.name);
    });

  const chooseSnapshot = (name: string) =>
    guarded(async () => {
      const bytes = await desktopApi.readSnapshot(name);
      if (!bytes) throw new Error(t('snapshotMissing'));
      await validate(bytes, name);
    });

  // The menu's Backup… and Restore… do what these buttons do (see app/menu-actions.ts).
  useMenuAction('backup', () => void backupNow());
  useMenuAction('restore', () => void chooseFile());

  const confirmRestore = () => {
    if (!pending) return;
    setPending(null);
    setRestoring(true);
    return asJob(JOB_LABELS.restore, async (control) => {
      try {
        await pending.restore.restore({ api: desktopApi, keep: prefs.backupsToKeep, user: prefs.userName }, control);
      } finally {
        setRestoring(false);
      }
      // The restored data is a new database (see store/current-database.ts); every screen and Worker of this window
      // still holds the replaced one, so the app reloads and opens it.
      sessionStorage.setItem(RESTORED_BEFORE_RELOAD, '1');
      // With sync on, the restore's changes wait in the restored database's outbox and go once sync runs again.
      continueSyncAfterReload(true);
      window.location.reload();
    });
  };
  const dropPending = () => {
    pending?.restore.dispose();
    setPending(null);
  };

  return (
    <section className="backup-panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupTitle')}</h2>
      <p className="muted">{t('backupIntro')}</p>
      <div className="inline-form">
        <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()} data-testid="backup-now">{t('backupNow')}</button>
        <button type="button" disabled={busy} onClick={() => void chooseFile()} data-testid="restore-file">{t('restoreFromFile')}</button>
        <button type="button" disabled={busy} onClick={() => void guarded(async () => void (await takeSnapshot(desktopApi, 'manual', prefs.backupsToKeep)))}>{t('snapshotNow')}</button>
        <label htmlFor="backups-keep">{t('backupsToKeep')}</label>
        <input id="backups-keep" type="number" min={1} max={365} value={prefs.backupsToKeep} style={{ width: 70 }}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= 365) void savePreferences({ backupsToKeep: n });
          }} />
      </div>
      {/* The browser build's file input for restores, also used by tests. */}
      <input type="file" accept=".json" aria-label={t('restoreFromFile')} data-testid="restore-input" className="visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          // The File itself goes to the check's Worker, which reads it there (not into the page).
          if (f) void validate(f, f.name);
        }} />
      {restoring ? (
        <div className="modal-backdrop">
          <div role="alertdialog" aria-modal="true" aria-busy="true" aria-labelledby="restore-working" className="panel confirm-panel">
            <p id="restore-working">{t('restoreWorking')}</p>
            <JobProgress state={job.state} runner={job.runner} lang={lang} testId="backup-job" />
          </div>
        </div>
      ) : (
        <JobProgress state={job.state} runner={job.runner} lang={lang} testId="backup-job" />
      )}
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error-panel' : 'ok-panel'} data-testid="backup-message">
          <p>{message.text}</p>
          {message.details && <ul>{message.details.map((d) => <li key={d}>{d}</li>)}</ul>}
        </div>
      )}
      {pending && (
        <div role="dialog" aria-modal="true" aria-labelledby="restore-confirm-title" className="panel confirm-panel">
          <h3 id="restore-confirm-title">{t('restoreConfirmTitle')}</h3>
          <p>{t('restoreConfirmBody', { source: pending.source, ...pending.restore.summary })}</p>
          <div className="inline-form">
            <button type="button" className="danger" disabled={busy} onClick={() => void confirmRestore()} data-testid="restore-confirm">{t('restoreConfirm')}</button>
            <button type="button" onClick={dropPending}>{t('cancel', { ns: 'common' })}</button>
          </div>
        </div>
      )}
      <h3>{t('snapshots')}</h3>
      {snapshots.length === 0 ? (
        <p className="muted">{t('noSnapshots')}</p>
      ) : (
        <table className="data" data-testid="snapshot-list">
          <thead><tr><th>{t('snapshotName')}</th><th className="num">{t('snapshotSize')}</th><th /></tr></thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.fileName}>
                <td>{s.fileName}</td>
                <td className="num">{(s.sizeBytes / 1024).toFixed(0)} KB</td>
                <td><button type="button" disabled={busy} onClick={() => void chooseSnapshot(s.fileName)}>{t('restoreThis')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

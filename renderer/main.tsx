// Renderer entry: language first (so the first paint is in the right language), then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import { featureStrings } from './i18n/feature-strings';
import { installHealthListeners, requestPersistentStorage } from './app/storage-health';
import { desktopApi } from './platform/desktop-api';
import { dailySnapshotIfDue, snapshotBeforeUpgrade } from './store/backup';
import { DEFAULT_PREFERENCES, loadPreferences } from './app/preferences';
import './styles/app.css';

async function start(): Promise<void> {
  await initI18n(featureStrings);
  installHealthListeners();
  // Before the schema upgrade runs (the first query opens the database), keep a copy of the data in its old shape.
  await snapshotBeforeUpgrade(desktopApi, DEFAULT_PREFERENCES.backupsToKeep).catch((e: unknown) => console.error('Pre-upgrade backup failed', e));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** Work that must not delay the first screen: persistent storage and the daily backup. */
function afterFirstPaint(): void {
  const run = async () => {
    await requestPersistentStorage();
    const prefs = await loadPreferences();
    await dailySnapshotIfDue(desktopApi, prefs.backupsToKeep);
  };
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const schedule = idle ? (cb: () => void) => idle(cb, { timeout: 5000 }) : (cb: () => void) => setTimeout(cb, 2000);
  schedule(() => void run().catch((e: unknown) => console.error('Background start-up task failed', e)));
}

void start().then(afterFirstPaint);

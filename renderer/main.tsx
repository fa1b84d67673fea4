// Renderer entry: language first (so the first paint is in the right language), then the app.
import { StrictMode, startTransition } from 'react';
import { SCREENS, parseHash } from './app/routes';
import type { ScreenId } from './app/routes';
import { initI18n } from './i18n/i18n';
import { featureStrings } from './i18n/feature-strings';
import { installHealthListeners, requestPersistentStorage } from './app/storage-health';
import { desktopApi } from './platform/desktop-api';
import { dailySnapshotIfDue, deleteReplacedDatabases, setSnapshotWriter, snapshotBeforeUpgrade } from './store/backup';
import { writeBackupInWorker } from './workers/backup-jobs';
import { DEFAULT_PREFERENCES, loadPreferences } from './store/preferences';
import { todayIso } from '../shared/calendar/fiscal-year';
import { nextTask } from './store/next-task';
import { documentFontDeclarations, fontFacesOf, layOutSample, startFaces, warmFacesNow, warmFontFallback } from './components/font-warmup';
import './styles/app.css';

type PreloadScreen = (id: ScreenId) => Promise<void>;

async function start(): Promise<PreloadScreen> {
  // The start runs in tasks of its own, not in the task where the modules' evaluation ends (the database module
  // resumes there once its name is read): together they were one task of 97–151 ms in the reload that ends a restore.
  await nextTask();
  // The app's own modules (its shell, the store's queries, React's renderer) evaluate in a task of their own, not in
  // the entry's: the two were one task of 66–83 ms on quiet reloads at 50,000 projects.
  const [{ App, preloadScreen }, { createRoot }] = await Promise.all([import('./app/App'), import('react-dom/client')]);
  // The first screen's code loads meanwhile, so it renders at once instead of behind a Suspense fallback.
  const firstScreen = preloadScreen(parseHash(window.location.hash).screen).catch((e: unknown) => console.error('Screen preload failed', e));
  await nextTask();
  await initI18n(featureStrings);
  installHealthListeners();
  // Automatic backups (daily, manual, before an import) read and encode every table: in the backup Worker.
  setSnapshotWriter(writeBackupInWorker);
  // Before the schema upgrade runs (the first query opens the database), keep a copy of the data in its old shape.
  await snapshotBeforeUpgrade(desktopApi, DEFAULT_PREFERENCES.backupsToKeep).catch((e: unknown) => console.error('Pre-upgrade backup failed', e));
  await firstScreen;
  // The first layout's font searches, a task each instead of all inside the first frame's layout (font-warmup.ts).
  await warmFacesNow(startFaces(rootFontPx()), (face) => layOutSample(document.body, face), nextTask);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  // As a transition, React renders the first screen in slices between which the browser runs its own tasks: a plain
  // render is one task of every component's first render (code compiled on first call), 66–125 ms on Settings at start.
  const app = createRoot(root);
  startTransition(() =>
    app.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  return preloadScreen;
}

/** The root's font size in px (app.css sets it on :root). */
const rootFontPx = (): number => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/** Reading every table for the daily backup waits this long after start: never urgent, it must not compete with
 * the first screen's queries (at 50,000 projects it made the dashboard appear 3x later). */
const DAILY_BACKUP_DELAY_MS = 15_000;

/**
 * The project list's read-ahead waits this long after start, so the first screen's own queries come first (IndexedDB
 * serves the page's requests in turn). Its reads are paged: the reports Worker's (the dashboard's summary), if still under way at
 * 50,000 projects, take turns with them rather than waiting for the whole read.
 */
const PROJECT_LIST_READ_AHEAD_DELAY_MS = 2_000;

/** Work that must not delay the first screen: persistent storage, the fonts' fallback, the project list's, the deadline counts' and the
 * Timeline's read-aheads, the other screens' code, the daily backup, and deleting a database a restore replaced. */
function afterFirstPaint(preloadScreen: PreloadScreen): void {
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  const schedule = idle ? (cb: () => void) => idle(cb, { timeout: 5000 }) : (cb: () => void) => setTimeout(cb, 2000);
  const failed = (e: unknown) => console.error('Background start-up task failed', e);
  schedule(() => void requestPersistentStorage().catch(failed));
  // Each font size and weight's first Japanese text, one per idle moment: without the stack's fonts (this build
  // machine) its fallback search was most of a screen's first layout (Programs: two layouts of 42 and 51 ms).
  schedule(() => {
    const rootPx = rootFontPx();
    warmFontFallback({ faces: fontFacesOf(documentFontDeclarations(document), rootPx), schedule, layOut: (face) => layOutSample(document.body, face) }, startFaces(rootPx));
  });
  // The Projects screen's first open otherwise waits for the project-list Worker to read and rank every project
  // (about 1.4 s at 50,000) and for the screen's code: both once the app is idle after start. The Worker then keeps the
  // projects from start.
  // Then, never beside it (both walk IndexedDB's one queue), the Deadlines views' bucket counts and the screen's code:
  // its first open otherwise waits for the overdue range to be counted (75,000 entries at 50,000 projects; kept after).
  // Last, the Timeline's code, its opening layout and the first rows' markers (kept in the project-list Worker): its
  // first open otherwise waited for its code, the layout of every project and an IndexedDB read, about 0.3 s in all.
  // Then the other screens' code, one per idle moment: a first open otherwise fetched and evaluated it on the click
  // (Programs at 50,000 projects, two traced first opens each: shown in 0.73–0.79 s, against 0.85–0.98 s).
  const loadRest = (ids: readonly ScreenId[]) => {
    const [next, ...rest] = ids;
    if (next) schedule(() => void preloadScreen(next).then(() => loadRest(rest), failed));
  };
  const readTimeline = () => void Promise.all([preloadScreen('timeline'), import('./features/timeline/timeline-ahead').then((m) => m.readTimelineOpeningAhead())])
    .then(() => loadRest(SCREENS), failed);
  const countDeadlines = () => void Promise.all([preloadScreen('deadlines'), import('./store/deadline-queries').then((m) => m.countDeadlinesAhead(todayIso()))])
    .then(() => schedule(readTimeline), failed);
  setTimeout(() => {
    schedule(() => void Promise.all([preloadScreen('projects'), import('./workers/project-list').then((m) => m.readProjectListAhead())])
      .then(() => schedule(countDeadlines), failed));
  }, PROJECT_LIST_READ_AHEAD_DELAY_MS);
  setTimeout(() => {
    schedule(() => void loadPreferences().then((prefs) => dailySnapshotIfDue(desktopApi, prefs.backupsToKeep)).catch(failed));
    // A database a restore replaced but could not delete (a failed delete, the window closed first): deleted now.
    schedule(() => void deleteReplacedDatabases().catch(failed));
  }, DAILY_BACKUP_DELAY_MS);
}

void start().then(afterFirstPaint);

// The application frame: side navigation, the current screen (loaded lazily), and native-menu commands.
import { createElement, useCallback, useEffect, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopApi } from '../platform/desktop-api';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { HealthBanner } from '../components/HealthBanner';
import { AboutDialog } from '../components/AboutDialog';
import { SyncReviewBadge } from '../components/SyncReviewBadge';
import { requestMenuAction } from './menu-actions';
import { SCREENS, hrefFor, navigate, useRoute } from './routes';
import type { Route, ScreenId } from './routes';

type ScreenComponent = ComponentType<{ route: Route }>;
const named = <K extends string>(load: () => Promise<Record<K, ScreenComponent>>, key: K) => async (): Promise<ScreenComponent> => (await load())[key];

const loaders: Record<ScreenId, () => Promise<ScreenComponent>> = {
  dashboard: named(() => import('../features/dashboard/DashboardScreen'), 'DashboardScreen'),
  programs: named(() => import('../features/programs/ProgramsScreen'), 'ProgramsScreen'),
  projects: named(() => import('../features/projects/ProjectsScreen'), 'ProjectsScreen'),
  applications: named(() => import('../features/applications/ApplicationsScreen'), 'ApplicationsScreen'),
  researchers: named(() => import('../features/researchers/ResearchersScreen'), 'ResearchersScreen'),
  deadlines: named(() => import('../features/deadlines/DeadlinesScreen'), 'DeadlinesScreen'),
  timeline: named(() => import('../features/timeline/TimelineScreen'), 'TimelineScreen'),
  reports: named(() => import('../features/reports/ReportsScreen'), 'ReportsScreen'),
  importExport: named(() => import('../features/import-export/ImportExportScreen'), 'ImportExportScreen'),
  settings: named(() => import('../features/settings/SettingsScreen'), 'SettingsScreen'),
};

/** Screens whose code has loaded: rendered directly (see useScreen). */
const loaded: Partial<Record<ScreenId, ScreenComponent>> = {};

/** Loads a screen's code ahead (main.tsx: the first screen's while the app starts, the others when it is idle), so
 * its render shows it at once, not "loading". */
export async function preloadScreen(id: ScreenId): Promise<void> {
  loaded[id] ??= await loaders[id]();
}

/**
 * The screen's component once its code is in (its load started otherwise), or the load's error. Not React.lazy in a
 * Suspense boundary: React 19 keeps a revealed fallback for at least 300 ms, so every screen's first open took 300 ms
 * or more although its code arrived in a few tens.
 */
function useScreen(id: ScreenId): ScreenComponent | Error | undefined {
  const [, setArrived] = useState(0);
  const [failed, setFailed] = useState<{ id: ScreenId; error: Error } | null>(null);
  useEffect(() => {
    if (loaded[id]) return;
    let live = true;
    loaders[id]().then(
      (screen) => {
        loaded[id] = screen;
        if (live) setArrived((n) => n + 1);
      },
      (e: unknown) => live && setFailed({ id, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return loaded[id] ?? (failed?.id === id ? failed.error : undefined);
}

/** Rethrows a screen's failed load inside the ErrorBoundary, as a failed lazy() did. */
function LoadFailed({ error }: { error: Error }): ReactNode {
  throw error;
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const screen = useScreen(route.screen);
  const [aboutOpen, setAboutOpen] = useState(false);
  const closeAbout = useCallback(() => setAboutOpen(false), []);

  useEffect(() => {
    // Alt+1…9 jumps to a screen, in navigation order, and Alt+0 to the tenth (Settings).
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = e.key === '0' ? 9 : Number(e.key) - 1;
      const target = SCREENS[index];
      if (target) {
        e.preventDefault();
        navigate(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Trash purge and deadline reminders: loaded after the first paint (kept off the start bundle), then hourly.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('../store/notifications').then((m) => {
      if (!cancelled) stop = m.startPortfolioHousekeeping((r) => desktopApi.notify(r));
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  // A file dropped anywhere on the window goes to the import wizard (the file input's own drop is left alone).
  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file || (e.target instanceof HTMLInputElement && e.target.type === 'file')) return;
      e.preventDefault();
      void Promise.all([file.arrayBuffer(), import('../features/import-export/pending-file')]).then(([buf, m]) => {
        m.setPendingFile({ name: file.name, bytes: new Uint8Array(buf) });
        navigate('importExport');
      });
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  useEffect(
    () =>
      desktopApi.onMenuCommand((command) => {
        // Export…, Backup… and Restore… open their screen and start its action there (menu-actions.ts); the same
        // commands come from Electron's native menu and, in the browser build, from browser-api's dispatchMenuCommand.
        if (command === 'import-excel') navigate('importExport');
        else if (command === 'navigate-settings') navigate('settings');
        else if (command === 'export') {
          navigate('importExport');
          requestMenuAction('export');
        } else if (command === 'backup' || command === 'restore') {
          navigate('settings');
          requestMenuAction(command);
        } else if (command === 'about') setAboutOpen(true);
      }),
    [],
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('nav.' + route.screen)}</a>
      <nav className="side-nav" aria-label={t('navLabel')}>
        <div className="brand">{t('appName')}</div>
        <ul>
          {SCREENS.map((s, i) => (
            <li key={s}>
              <a href={hrefFor(s)} aria-current={route.screen === s ? 'page' : undefined} title={i < 10 ? `Alt+${(i + 1) % 10}` : undefined} data-screen={s}>
                {t(`nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
        <SyncReviewBadge />
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <HealthBanner />
        <ErrorBoundary key={route.screen}>
          {screen instanceof Error ? <LoadFailed error={screen} /> : screen ? createElement(screen, { route }) : <p className="muted">{t('loading')}</p>}
        </ErrorBoundary>
      </main>
      {aboutOpen && <AboutDialog onClose={closeAbout} />}
    </div>
  );
}

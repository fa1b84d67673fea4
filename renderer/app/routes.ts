// The screens and their hash routes (#/projects, #/projects/<id>). Hash routing works the same under app:// and http.
import { startTransition, useEffect, useState } from 'react';

export const SCREENS = ['dashboard', 'programs', 'projects', 'applications', 'researchers', 'deadlines', 'timeline', 'reports', 'importExport', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

export const SCREEN_PATHS: Record<ScreenId, string> = {
  dashboard: 'dashboard', programs: 'programs', projects: 'projects', applications: 'applications', researchers: 'researchers', deadlines: 'deadlines', timeline: 'timeline',
  reports: 'reports', importExport: 'import-export', settings: 'settings',
};

export interface Route {
  screen: ScreenId;
  /** Path segments after the screen, e.g. a project id. */
  params: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const screen = SCREENS.find((s) => SCREEN_PATHS[s] === parts[0]) ?? 'dashboard';
  return { screen, params: parts.slice(1) };
}

export function hrefFor(screen: ScreenId, ...params: string[]): string {
  return `#/${[SCREEN_PATHS[screen], ...params.map(encodeURIComponent)].join('/')}`;
}

export function navigate(screen: ScreenId, ...params: string[]): void {
  window.location.hash = hrefFor(screen, ...params);
}

/**
 * The current route. A change is rendered as a transition: React renders the next screen in slices between which the
 * browser handles input and paints, and shows it when done. As one task, a screen's first render (its code compiled on
 * first call) was up to 0.2 s of frozen window at 50,000 projects.
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => startTransition(() => setRoute(parseHash(window.location.hash)));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

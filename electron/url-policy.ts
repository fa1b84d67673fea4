// Which URLs the window may show and which may leave for the user's browser. Pure, so it is unit-tested without Electron.

/** The app's own origin: the renderer is served from this custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'grant-portfolio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Sites an administrator legitimately opens from the app (funders, e-Rad, researchmap). Subdomains included. */
export const EXTERNAL_ALLOWLIST = ['amed.go.jp', 'mext.go.jp', 'jsps.go.jp', 'jst.go.jp', 'e-rad.go.jp', 'researchmap.jp', 'riken.jp'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own pages: app://grant-portfolio/…, or the Vite dev server's exact origin in development. */
export function isAppUrl(url: string, devServerUrl: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return !!dev && u.origin === dev.origin;
  }
  return false;
}

/** True for https links to an allowlisted host, with no credentials and the default port. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.username || u.password || u.port) return false;
  const host = u.hostname.toLowerCase();
  return allowlist.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

// Picks the host's DesktopApi once: the object Electron's preload exposed, or the browser implementation.
import type { DesktopApi } from '../../shared/api/desktop-api';
import { createBrowserApi } from './browser-api';

declare global {
  interface Window {
    desktopApi?: DesktopApi;
  }
}

export const desktopApi: DesktopApi = window.desktopApi ?? createBrowserApi();

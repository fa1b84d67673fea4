// DesktopApi for the plain browser build: a file input for opening, a download link for saving, the Notification API,
// and window.print for PDF. It lets every feature run (and be tested) without the Electron binary.
import { MENU_COMMANDS } from '../../shared/api/desktop-api';
import type { AppInfo, DesktopApi, FileBytes, MenuCommand, OpenFileRequest, PickedFile, SaveFileRequest, SaveResult, SnapshotInfo, SyncPasswordRequest } from '../../shared/api/desktop-api';
import { SnapshotVault } from '../store/db';
import { blobOffThread } from './blob-off-thread';
import { listVault, readFromVault, saveToVault } from './snapshot-vault';

declare const __APP_VERSION__: string;

function pickFile(request: OpenFileRequest): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => (e === '*' ? '*' : `.${e}`))).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.arrayBuffer().then((buf) => resolve({ name: file.name, bytes: new Uint8Array(buf) }), reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** The bytes become a Blob in a Worker when big (blobOffThread): a big backup is never one long copy on the main thread. */
async function download(bytes: FileBytes, name: string): Promise<SaveResult> {
  const blob = await blobOffThread(bytes);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, location: name };
}

const menuListeners = new Set<(command: MenuCommand) => void>();

/**
 * The browser build has no native menu: this sends a menu command to the app as Electron's menu does (an embedding
 * page or a test calls it, or dispatches a `gp-menu-command` event on window with the command as its detail).
 */
export function dispatchMenuCommand(command: MenuCommand): void {
  for (const listener of menuListeners) listener(command);
}
if (typeof window !== 'undefined') {
  window.addEventListener('gp-menu-command', (e) => {
    const command = (e as CustomEvent<unknown>).detail;
    if (typeof command === 'string' && MENU_COMMANDS.includes(command as MenuCommand)) dispatchMenuCommand(command as MenuCommand);
  });
}
/** The browser build keeps the sync password in this window's memory only: asked again after a reload. */
let sessionPassword: SyncPasswordRequest | null = null;

let vault: SnapshotVault | null = null;
const snapshotVault = () => (vault ??= new SnapshotVault());

export function createBrowserApi(): DesktopApi {
  return {
    async getAppInfo(): Promise<AppInfo> {
      return {
        version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
        host: 'browser',
        dataFolder: null,
        locale: navigator.language || 'ja',
        platform: navigator.platform || 'web',
      };
    },
    openFile: pickFile,
    async saveFile(request: SaveFileRequest) {
      return download(request.bytes, request.suggestedName);
    },
    async notify(request) {
      if (typeof Notification === 'undefined') return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission === 'granted') new Notification(request.title, { body: request.body });
    },
    async printToPdf() {
      window.print();
      return { saved: false, location: null };
    },
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    saveSnapshot: (request) => saveToVault(snapshotVault(), request),
    listSnapshots: (): Promise<SnapshotInfo[]> => listVault(snapshotVault()),
    readSnapshot: (fileName) => readFromVault(snapshotVault(), fileName),
    async setUiLanguage() {
      // The browser build has no native menu to relabel.
    },
    async setSyncServer() {
      // The page's policy comes from where the build is served (docs/sharing.md); nothing to change or reload here.
      return { reloadNeeded: false };
    },
    async keepSyncPassword(request) {
      sessionPassword = { ...request };
      return { kept: 'session', note: null };
    },
    async loadSyncPassword(account) {
      const p = sessionPassword;
      return p && p.url === account.url && p.user === account.user ? p.password : null;
    },
    async forgetSyncPassword() {
      sessionPassword = null;
    },
  };
}

// DesktopApi for the plain browser build: a file input for opening, a download link for saving, the Notification API,
// and window.print for PDF. It lets every feature run (and be tested) without the Electron binary.
import { MENU_COMMANDS } from '../../shared/api/desktop-api';
import type { AppInfo, DesktopApi, FileBytes, MenuCommand, OpenFileRequest, PickedFile, SaveFileRequest, SaveResult, SnapshotInfo, SyncPasswordRequest } from '../../shared/api/desktop-api';
import { isSnapshotFileName } from '../../shared/api/ipc-contract';
import { snapshotsToPrune } from '../../shared/backup/backup-format';
import { SnapshotVault } from '../store/db';

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

/** Parts become one Blob's parts: the browser stores them as they are, without joining them in the page's memory. */
function download(bytes: FileBytes, name: string): SaveResult {
  const blob = new Blob(bytes instanceof Uint8Array ? [bytes as BlobPart] : (bytes as unknown as BlobPart[]));
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
    async saveSnapshot(request) {
      if (!isSnapshotFileName(request.fileName)) throw new Error('bad snapshot name');
      const v = snapshotVault();
      await v.transaction('rw', v.snapshots, async () => {
        await v.snapshots.put({ fileName: request.fileName, bytes: request.bytes, sizeBytes: request.bytes.byteLength, createdAt: new Date().toISOString() });
        const names = (await v.snapshots.toCollection().primaryKeys()) as string[];
        await v.snapshots.bulkDelete(snapshotsToPrune(names, request.keep));
      });
      return { saved: true, location: `IndexedDB: ${request.fileName}` };
    },
    async listSnapshots(): Promise<SnapshotInfo[]> {
      const rows: SnapshotInfo[] = [];
      await snapshotVault().snapshots.each((r) => {
        rows.push({ fileName: r.fileName, sizeBytes: r.sizeBytes, createdAt: r.createdAt });
      });
      return rows.sort((a, b) => b.fileName.localeCompare(a.fileName));
    },
    async readSnapshot(fileName) {
      if (!isSnapshotFileName(fileName)) return null;
      return (await snapshotVault().snapshots.get(fileName))?.bytes ?? null;
    },
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

// DesktopApi for the plain browser build: a file input for opening, a download link for saving, the Notification API,
// and window.print for PDF. It lets every feature run (and be tested) without the Electron binary.
import type { AppInfo, DesktopApi, MenuCommand, OpenFileRequest, PickedFile, SaveFileRequest, SaveResult } from '../../shared/api/desktop-api';

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

function download(bytes: Uint8Array, name: string): SaveResult {
  const blob = new Blob([bytes as BlobPart]);
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
    async setUiLanguage() {
      // The browser build has no native menu to relabel.
    },
  };
}

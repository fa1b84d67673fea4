// Electron entry point: wires Electron's modules to the small tested modules beside it. No logic of its own lives here;
// it cannot be unit-tested (the Electron binary is not available on the build machine), so it stays glue.
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, safeStorage, screen, session, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IPC } from '../shared/api/ipc-contract';
import type { MenuCommand } from '../shared/api/desktop-api';
import { mimeTypeFor, resolveAppPath } from './app-protocol';
import { createIpcHandlers, guardSender } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import type { MenuItemSpec } from './menu';
import { CONTENT_SECURITY_POLICY, isPermissionAllowed } from './security';
import { createSyncSecrets } from './sync-secrets';
import type { SyncSecrets } from './sync-secrets';
import { APP_ORIGIN, APP_SCHEME, isAllowedExternalUrl, isAppUrl } from './url-policy';
import { restoreWindowBounds, serializeWindowBounds } from './window-state';

const devServerUrl = process.env.GP_DEV_SERVER_URL ?? null;
const rendererDir = path.join(__dirname, '..', 'dist', 'renderer');
const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');
const isOurs = (url: string) => isAppUrl(url, devServerUrl);
let uiLanguage: 'ja' | 'en' = app.getLocale?.().startsWith('ja') ? 'ja' : 'en';
let mainWindow: BrowserWindow | null = null;
let syncSecrets: SyncSecrets | null = null;
/** The policy for each response, read per response so a newly configured sync server applies from the next load. */
const policy = () => syncSecrets?.policy() ?? CONTENT_SECURITY_POLICY;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

function toElectronMenu(items: MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const out: MenuItemConstructorOptions = {};
    if (item.type) out.type = item.type;
    if (item.label) out.label = item.label;
    if (item.accelerator) out.accelerator = item.accelerator;
    if (item.role) out.role = item.role as MenuItemConstructorOptions['role'];
    if (item.submenu) out.submenu = toElectronMenu(item.submenu);
    const command: MenuCommand | undefined = item.command;
    if (command) out.click = () => mainWindow?.webContents.send(IPC.menuCommand, command);
    return out;
  });
}

function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(buildMenuTemplate(uiLanguage, process.platform === 'darwin'))));
}

function installProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { 'content-type': mimeTypeFor(file), 'content-security-policy': policy() } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function installSessionPolicy(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback) => callback(isPermissionAllowed(permission, wc.getURL(), isOurs)));
  ses.setPermissionCheckHandler((wc, permission) => (wc ? isPermissionAllowed(permission, wc.getURL(), isOurs) : false));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy()] } });
  });
}

function installIpc(): void {
  const handlers = createIpcHandlers({
    appInfo: () => ({
      version: app.getVersion(),
      host: 'electron',
      dataFolder: app.getPath('userData'),
      locale: app.getLocale(),
      platform: process.platform,
    }),
    showOpenDialog: async (opts) => {
      const r = await dialog.showOpenDialog(mainWindow!, { ...opts, properties: ['openFile'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    showSaveDialog: async (opts) => {
      const r = await dialog.showSaveDialog(mainWindow!, opts);
      return r.canceled ? null : (r.filePath ?? null);
    },
    fileSize: async (p) => (await fs.stat(p)).size,
    readFile: async (p) => new Uint8Array(await fs.readFile(p)),
    writeFile: (p, bytes) => fs.writeFile(p, bytes),
    defaultSaveFolder: () => app.getPath('documents'),
    notify: (title, body) => new Notification({ title, body }).show(),
    printToPdf: async () => new Uint8Array(await mainWindow!.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })),
    setUiLanguage: (lang) => {
      uiLanguage = lang;
      installMenu();
    },
    snapshotFolder: () => path.join(app.getPath('userData'), 'backups'),
    ensureFolder: async (folder) => {
      await fs.mkdir(folder, { recursive: true });
    },
    listFolder: async (folder) => {
      const names = await fs.readdir(folder);
      return Promise.all(
        names.map(async (name) => {
          const st = await fs.stat(path.join(folder, name));
          return { name, size: st.size, modified: st.mtime.toISOString() };
        }),
      );
    },
    removeFile: (p) => fs.rm(p, { force: true }),
    renameFile: (from, to) => fs.rename(from, to),
  });
  for (const [channel, handler] of Object.entries({ ...handlers, ...syncSecrets!.handlers })) {
    const guarded = guardSender(handler, isOurs);
    ipcMain.handle(channel, (event, arg: unknown) =>
      guarded({ senderUrl: event.senderFrame?.url ?? '', isMainFrame: event.senderFrame === event.sender.mainFrame }, arg),
    );
  }
}

async function createWindow(): Promise<void> {
  let saved: string | null = null;
  try {
    saved = await fs.readFile(stateFile(), 'utf8');
  } catch {
    saved = null;
  }
  const bounds = restoreWindowBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...bounds,
    show: false,
    title: 'Grant Portfolio',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.webContents.on('will-navigate', (event, url) => {
    if (!isOurs(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isOurs(url)) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.on('close', () => {
    const b = win.getNormalBounds();
    void fs.writeFile(stateFile(), serializeWindowBounds({ ...b, maximized: win.isMaximized() })).catch(() => undefined);
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  await win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  const settingsFile = path.join(app.getPath('userData'), 'sync-settings.json');
  syncSecrets = await createSyncSecrets(CONTENT_SECURITY_POLICY, {
    safeStorage: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      getSelectedStorageBackend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
      encryptString: (plain) => safeStorage.encryptString(plain),
      decryptString: (blob) => safeStorage.decryptString(Buffer.from(blob)),
    },
    readSettings: () => fs.readFile(settingsFile, 'utf8').catch(() => null),
    writeSettings: async (text) => {
      await fs.writeFile(`${settingsFile}.partial`, text, { mode: 0o600 });
      await fs.rename(`${settingsFile}.partial`, settingsFile);
    },
  });
  installProtocol();
  installSessionPolicy();
  installIpc();
  installMenu();
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

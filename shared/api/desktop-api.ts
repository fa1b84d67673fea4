// The one bridge between the UI and its host. Electron's preload and the browser build both implement DesktopApi,
// so every screen works the same in either; the renderer never touches ipcRenderer.
import type { Bilingual } from '../domain/message';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFileRequest {
  title?: string;
  filters: FileFilter[];
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A file's bytes, whole or as parts written one after another (a 50,000-project backup is written in parts, never
 * joined into one buffer or string).
 */
export type FileBytes = Uint8Array | readonly Uint8Array[];

/** Total size of a file's bytes, whole or in parts. */
export function fileByteLength(bytes: FileBytes): number {
  return bytes instanceof Uint8Array ? bytes.byteLength : bytes.reduce((n, p) => n + p.byteLength, 0);
}

/** A file's bytes as one buffer (the parts copied one after another; a whole file is returned as it is). */
export function joinFileBytes(bytes: FileBytes): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  const out = new Uint8Array(fileByteLength(bytes));
  let at = 0;
  for (const p of bytes) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export interface SaveFileRequest {
  title?: string;
  suggestedName: string;
  filters: FileFilter[];
  bytes: FileBytes;
}

export interface SaveResult {
  saved: boolean;
  /** Where it went: a file path in Electron, the download name in the browser. */
  location: string | null;
}

export interface NotificationRequest {
  title: string;
  body: string;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  /** Folder holding the app's data (Electron's userData), or null in the browser. */
  dataFolder: string | null;
  /** Operating-system or browser language tag, used for the first start's UI language. */
  locale: string;
  platform: string;
}

export interface PrintToPdfRequest {
  suggestedName: string;
}

/** An automatic backup kept by the host: files in the data folder's backups/ (desktop) or a separate IndexedDB (browser). */
export interface SnapshotInfo {
  fileName: string;
  sizeBytes: number;
  createdAt: string;
}

export interface SaveSnapshotRequest {
  /** Must match backupFileName()'s pattern. */
  fileName: string;
  /** Whole or as parts (a backup leaves its Worker as parts; they are never joined in the page). */
  bytes: FileBytes;
  /** How many snapshots to keep; older ones are deleted after this one is written. */
  keep: number;
}

/** Commands the native menu sends to the UI. */
export const MENU_COMMANDS = ['import-excel', 'export', 'backup', 'restore', 'navigate-settings', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Which sync account a password belongs to: the office database's URL and the CouchDB user. */
export interface SyncAccount {
  url: string;
  user: string;
}

export interface SyncPasswordRequest extends SyncAccount {
  password: string;
}

/**
 * Where a password was kept: 'desktop' = encrypted with the operating system's key store (asked once), 'session' =
 * in memory until the app (desktop) or the window (browser) closes, so it is asked again; `note` says why when the
 * desktop could not keep it.
 */
export interface SyncPasswordResult {
  kept: 'desktop' | 'session';
  note: Bilingual | null;
}

export interface DesktopApi {
  getAppInfo(): Promise<AppInfo>;
  /** Lets the user pick one file; resolves null when cancelled. */
  openFile(request: OpenFileRequest): Promise<PickedFile | null>;
  /** Lets the user choose where to save bytes (a save dialog, or a download in the browser). */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  notify(request: NotificationRequest): Promise<void>;
  /** Prints the current page to a PDF file (Electron), or opens the print dialog (browser). */
  printToPdf(request: PrintToPdfRequest): Promise<SaveResult>;
  /** Subscribes to native menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Writes an automatic backup and prunes old ones; resolves with where it went. */
  saveSnapshot(request: SaveSnapshotRequest): Promise<SaveResult>;
  listSnapshots(): Promise<SnapshotInfo[]>;
  readSnapshot(fileName: string): Promise<Uint8Array | null>;
  /** Tells the host which language the UI uses, so native menus follow it. */
  setUiLanguage(lang: 'ja' | 'en'): Promise<void>;
  /**
   * Tells the host which sync server this desktop uses (null: none). The desktop app allows connections to exactly
   * that origin in its Content-Security-Policy from the next page load on (`reloadNeeded`); the browser build's policy
   * is set where it is served, so it never needs a reload.
   */
  setSyncServer(url: string | null): Promise<{ reloadNeeded: boolean }>;
  keepSyncPassword(request: SyncPasswordRequest): Promise<SyncPasswordResult>;
  /** The kept password for exactly this account, or null. */
  loadSyncPassword(account: SyncAccount): Promise<string | null>;
  forgetSyncPassword(): Promise<void>;
}

// IPC channel names and argument checks for the Electron bridge. Both preload and main import this, so a channel
// cannot be renamed on one side only, and main validates every argument it receives against the same rules.
import type { FileFilter, MenuCommand, NotificationRequest, OpenFileRequest, PrintToPdfRequest, SaveFileRequest } from './desktop-api';
import { MENU_COMMANDS } from './desktop-api';

export const IPC = {
  getAppInfo: 'app:get-info',
  openFile: 'file:open',
  saveFile: 'file:save',
  notify: 'app:notify',
  printToPdf: 'app:print-to-pdf',
  setUiLanguage: 'app:set-ui-language',
  menuCommand: 'menu:command',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

/** Largest file the bridge will carry either way (bytes); an office workbook is far smaller. */
export const MAX_IPC_FILE_BYTES = 200 * 1024 * 1024;

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shortString(v: unknown, max = 500): v is string {
  return typeof v === 'string' && v.length <= max;
}

function checkFilters(v: unknown): FileFilter[] | null {
  if (!Array.isArray(v) || v.length > 20) return null;
  const out: FileFilter[] = [];
  for (const f of v) {
    if (!isRecord(f) || !shortString(f.name, 100) || !Array.isArray(f.extensions)) return null;
    if (!f.extensions.every((e) => typeof e === 'string' && /^[A-Za-z0-9*]{1,10}$/.test(e))) return null;
    out.push({ name: f.name, extensions: [...(f.extensions as string[])] });
  }
  return out;
}

/** Suggested file names: no folders, no control characters, nothing that escapes the chosen directory. */
export function isSafeFileName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 200 &&
    // Control characters are exactly what this check exists to refuse.
    // eslint-disable-next-line no-control-regex
    !/[\\/\u0000-\u001f<>:"|?*]/.test(name) &&
    name !== '.' &&
    name !== '..'
  );
}

export function checkOpenFileRequest(v: unknown): Check<OpenFileRequest> {
  if (!isRecord(v)) return { ok: false, error: 'request must be an object' };
  const filters = checkFilters(v.filters);
  if (!filters) return { ok: false, error: 'bad filters' };
  if (v.title !== undefined && !shortString(v.title, 200)) return { ok: false, error: 'bad title' };
  return { ok: true, value: { filters, ...(typeof v.title === 'string' ? { title: v.title } : {}) } };
}

export function checkSaveFileRequest(v: unknown): Check<SaveFileRequest> {
  if (!isRecord(v)) return { ok: false, error: 'request must be an object' };
  const filters = checkFilters(v.filters);
  if (!filters) return { ok: false, error: 'bad filters' };
  if (!isSafeFileName(v.suggestedName)) return { ok: false, error: 'bad file name' };
  if (!(v.bytes instanceof Uint8Array)) return { ok: false, error: 'bytes must be a Uint8Array' };
  if (v.bytes.byteLength > MAX_IPC_FILE_BYTES) return { ok: false, error: 'file too large' };
  if (v.title !== undefined && !shortString(v.title, 200)) return { ok: false, error: 'bad title' };
  return {
    ok: true,
    value: { filters, suggestedName: v.suggestedName, bytes: v.bytes, ...(typeof v.title === 'string' ? { title: v.title } : {}) },
  };
}

export function checkNotificationRequest(v: unknown): Check<NotificationRequest> {
  if (!isRecord(v) || !shortString(v.title, 200) || !shortString(v.body, 2000)) return { ok: false, error: 'bad notification' };
  return { ok: true, value: { title: v.title, body: v.body } };
}

export function checkPrintToPdfRequest(v: unknown): Check<PrintToPdfRequest> {
  if (!isRecord(v) || !isSafeFileName(v.suggestedName)) return { ok: false, error: 'bad file name' };
  return { ok: true, value: { suggestedName: v.suggestedName } };
}

export function checkUiLanguage(v: unknown): Check<'ja' | 'en'> {
  return v === 'ja' || v === 'en' ? { ok: true, value: v } : { ok: false, error: 'language must be ja or en' };
}

export function isMenuCommand(v: unknown): v is MenuCommand {
  return typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);
}

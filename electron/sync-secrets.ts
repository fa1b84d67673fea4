// The desktop's sync settings in the main process: which server the Content-Security-Policy lets the page reach (set
// only through a validated IPC call, never from a policy string the page supplies) and the password, encrypted with
// Electron's safeStorage. Electron's modules and the settings file arrive as injected dependencies, for unit tests.
import type { SyncAccount, SyncPasswordRequest, SyncPasswordResult } from '../shared/api/desktop-api';
import { IPC, checkSyncAccount, checkSyncPasswordRequest, checkSyncServerUrl } from '../shared/api/ipc-contract';
import type { Bilingual } from '../shared/domain/message';
import { syncServerOrigin, withSyncServer } from '../shared/sync/server-origin';
import { IpcRejection } from './ipc-handlers';
import type { IpcHandler } from './ipc-handlers';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' means no key store, the "encryption" is a fixed key, so it is treated as unavailable. */
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Uint8Array;
  decryptString(blob: Uint8Array): string;
}

export interface SyncSecretsDeps {
  safeStorage: SafeStorageLike;
  /** The settings file's text (userData/sync-settings.json), or null when there is none. */
  readSettings(): Promise<string | null>;
  writeSettings(text: string): Promise<void>;
}

interface StoredSettings {
  serverUrl: string | null;
  /** The account the encrypted password belongs to, and the password as base64 of safeStorage's blob. */
  account?: SyncAccount;
  password?: string;
}

export const SAFE_STORAGE_UNAVAILABLE: Bilingual = {
  ja: 'このコンピューターではパスワードを安全に保存できません（OS の鍵保管庫が使えません）。アプリを起動するたびにパスワードを入力してください。',
  en: "This computer cannot keep the password safely (the system's key store is not available). Enter it each time the app starts.",
};

function readStored(text: string | null): StoredSettings {
  if (text === null) return { serverUrl: null };
  try {
    const v = JSON.parse(text) as Partial<StoredSettings>;
    // A hand-edited or damaged file must not widen the policy: the URL is checked as an IPC argument would be.
    const url = checkSyncServerUrl(v.serverUrl ?? null);
    const account = checkSyncAccount(v.account);
    return {
      serverUrl: url.ok ? url.value : null,
      ...(account.ok && typeof v.password === 'string' ? { account: account.value, password: v.password } : {}),
    };
  } catch {
    return { serverUrl: null };
  }
}

const sameAccount = (a: SyncAccount | undefined, b: SyncAccount) => a !== undefined && a.url === b.url && a.user === b.user;

export interface SyncSecrets {
  /** The policy for every response: the base policy with the configured server's origin in `connect-src`. */
  policy(): string;
  handlers: Record<string, IpcHandler>;
}

/** Reads the settings once (at start, before any page loads) and answers the four sync IPC channels. */
export async function createSyncSecrets(basePolicy: string, deps: SyncSecretsDeps): Promise<SyncSecrets> {
  let stored = readStored(await deps.readSettings());
  /** This run's password when it could not be encrypted: asked again after a restart, never written. */
  let sessionOnly: SyncPasswordRequest | null = null;
  const save = (next: StoredSettings) => {
    stored = next;
    return deps.writeSettings(JSON.stringify(next));
  };
  const canEncrypt = () => {
    const s = deps.safeStorage;
    return s.isEncryptionAvailable() && s.getSelectedStorageBackend?.() !== 'basic_text';
  };

  const handlers: Record<string, IpcHandler> = {
    [IPC.setSyncServer]: async (_sender, arg) => {
      const req = checkSyncServerUrl(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      const before = stored.serverUrl === null ? null : syncServerOrigin(stored.serverUrl);
      const after = req.value === null ? null : syncServerOrigin(req.value);
      // Another server: a password kept for the old one is dropped.
      const keepsPassword = stored.account !== undefined && stored.account.url === req.value;
      await save({ serverUrl: req.value, ...(keepsPassword ? { account: stored.account!, password: stored.password! } : {}) });
      if (sessionOnly && sessionOnly.url !== req.value) sessionOnly = null;
      return { reloadNeeded: before !== after };
    },
    [IPC.keepSyncPassword]: async (_sender, arg): Promise<SyncPasswordResult> => {
      const req = checkSyncPasswordRequest(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      if (req.value.url !== stored.serverUrl) throw new IpcRejection('password for a server that is not the configured one');
      sessionOnly = null;
      const account = { url: req.value.url, user: req.value.user };
      if (!canEncrypt()) {
        sessionOnly = req.value;
        await save({ serverUrl: stored.serverUrl });
        return { kept: 'session', note: SAFE_STORAGE_UNAVAILABLE };
      }
      const blob = deps.safeStorage.encryptString(req.value.password);
      await save({ serverUrl: stored.serverUrl, account, password: Buffer.from(blob).toString('base64') });
      return { kept: 'desktop', note: null };
    },
    [IPC.loadSyncPassword]: async (_sender, arg): Promise<string | null> => {
      const req = checkSyncAccount(arg);
      if (!req.ok) throw new IpcRejection(req.error);
      if (sessionOnly && sameAccount(sessionOnly, req.value)) return sessionOnly.password;
      if (!sameAccount(stored.account, req.value) || stored.password === undefined || !canEncrypt()) return null;
      try {
        return deps.safeStorage.decryptString(new Uint8Array(Buffer.from(stored.password, 'base64')));
      } catch {
        // The key store changed (another OS user, a reinstalled system): the blob is useless, ask again.
        await save({ serverUrl: stored.serverUrl });
        return null;
      }
    },
    [IPC.forgetSyncPassword]: async () => {
      sessionOnly = null;
      await save({ serverUrl: stored.serverUrl });
    },
  };
  return { policy: () => withSyncServer(basePolicy, stored.serverUrl), handlers };
}

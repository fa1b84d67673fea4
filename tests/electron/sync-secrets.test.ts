import { describe, expect, it } from 'vitest';
import { guardSender } from '../../electron/ipc-handlers';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { SAFE_STORAGE_UNAVAILABLE, createSyncSecrets } from '../../electron/sync-secrets';
import type { SafeStorageLike } from '../../electron/sync-secrets';
import { isAppUrl } from '../../electron/url-policy';
import { IPC } from '../../shared/api/ipc-contract';

const app = { senderUrl: 'app://grant-portfolio/index.html', isMainFrame: true };
const URL_A = 'https://couch.example.ac.jp:6984/grant-portfolio';

/** A reversible stand-in for the OS key store: the blob is never the plain text. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => new TextEncoder().encode(`enc:${[...plain].reverse().join('')}`),
    decryptString: (blob) => {
      const text = new TextDecoder().decode(blob);
      if (!text.startsWith('enc:')) throw new Error('not ours');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

function fakeFile(initial: string | null = null) {
  const file = { text: initial };
  return {
    file,
    readSettings: async () => file.text,
    writeSettings: async (text: string) => {
      file.text = text;
    },
  };
}

const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src'));

describe('desktop sync settings (main process)', () => {
  it("allows exactly the configured server's origin in connect-src, from the main process's own settings", async () => {
    const f = fakeFile();
    const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...f });
    expect(connectSrc(s.policy())).toBe("connect-src 'self'");
    expect(await s.handlers[IPC.setSyncServer]!(app, URL_A)).toEqual({ reloadNeeded: true });
    expect(connectSrc(s.policy())).toBe("connect-src 'self' https://couch.example.ac.jp:6984");
    expect(s.policy().replace(' https://couch.example.ac.jp:6984', '')).toBe(CONTENT_SECURITY_POLICY);
    // Another database on the same server needs no reload; a restart reads the same policy back from the file.
    expect(await s.handlers[IPC.setSyncServer]!(app, 'https://couch.example.ac.jp:6984/other')).toEqual({ reloadNeeded: false });
    const again = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile(f.file.text) });
    expect(again.policy()).toBe(s.policy());
    await s.handlers[IPC.setSyncServer]!(app, null);
    expect(s.policy()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses unusable server URLs and leaves the policy as it was', async () => {
    const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile() });
    for (const bad of [
      'http://couch.example.ac.jp:5984/db',
      'https://alice:secret@couch.example.ac.jp/db',
      "https://a.example; script-src 'unsafe-eval'",
      'javascript:alert(1)',
      "connect-src 'self' *",
      42,
      { url: URL_A },
      'https://' + 'a'.repeat(3000),
    ]) {
      await expect(s.handlers[IPC.setSyncServer]!(app, bad)).rejects.toThrow();
    }
    expect(s.policy()).toBe(CONTENT_SECURITY_POLICY);
    await s.handlers[IPC.setSyncServer]!(app, 'http://127.0.0.1:5984/db');
    expect(connectSrc(s.policy())).toBe("connect-src 'self' http://127.0.0.1:5984");
  });

  it('ignores a damaged or hand-widened settings file', async () => {
    const bad = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile('{"serverUrl":"http://evil.example/"}') });
    expect(bad.policy()).toBe(CONTENT_SECURITY_POLICY);
    const broken = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile('{not json') });
    expect(broken.policy()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps the password encrypted and gives it back for the same account only, also after a restart', async () => {
    const f = fakeFile();
    const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...f });
    await s.handlers[IPC.setSyncServer]!(app, URL_A);
    expect(await s.handlers[IPC.keepSyncPassword]!(app, { url: URL_A, user: 'alice', password: 'パス word 1' })).toEqual({ kept: 'desktop', note: null });
    expect(f.file.text).not.toContain('パス word 1');
    const restarted = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile(f.file.text) });
    expect(await restarted.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'alice' })).toBe('パス word 1');
    expect(await restarted.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'bob' })).toBeNull();
    // Another server drops the password kept for the old one.
    await restarted.handlers[IPC.setSyncServer]!(app, 'https://other.example.ac.jp/grant-portfolio');
    expect(await restarted.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'alice' })).toBeNull();
    await s.handlers[IPC.forgetSyncPassword]!(app, undefined);
    expect(await s.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'alice' })).toBeNull();
  });

  it('refuses a password for a server that is not the configured one, and bad arguments', async () => {
    const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile() });
    await s.handlers[IPC.setSyncServer]!(app, URL_A);
    await expect(s.handlers[IPC.keepSyncPassword]!(app, { url: 'https://other.example/db', user: 'alice', password: 'x' })).rejects.toThrow(/configured/);
    await expect(s.handlers[IPC.keepSyncPassword]!(app, { url: URL_A, user: '', password: 'x' })).rejects.toThrow(/user/);
    await expect(s.handlers[IPC.keepSyncPassword]!(app, { url: URL_A, user: 'alice', password: '' })).rejects.toThrow(/password/);
  });

  it('without a usable key store: a clear message, kept for this run only, never written', async () => {
    for (const storage of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const f = fakeFile();
      const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: storage, ...f });
      await s.handlers[IPC.setSyncServer]!(app, URL_A);
      const r = await s.handlers[IPC.keepSyncPassword]!(app, { url: URL_A, user: 'alice', password: 'secret' });
      expect(r).toEqual({ kept: 'session', note: SAFE_STORAGE_UNAVAILABLE });
      expect(f.file.text).not.toContain('secret');
      expect(f.file.text).not.toContain('password');
      expect(await s.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'alice' })).toBe('secret');
      const restarted = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: storage, ...fakeFile(f.file.text) });
      expect(await restarted.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'alice' })).toBeNull();
    }
  });

  it('drops a blob the key store can no longer decrypt', async () => {
    const f = fakeFile();
    const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...f });
    await s.handlers[IPC.setSyncServer]!(app, URL_A);
    await s.handlers[IPC.keepSyncPassword]!(app, { url: URL_A, user: 'alice', password: 'secret' });
    const otherKeys: SafeStorageLike = { ...fakeSafeStorage(), decryptString: () => { throw new Error('key changed'); } };
    const moved = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: otherKeys, ...f });
    expect(await moved.handlers[IPC.loadSyncPassword]!(app, { url: URL_A, user: 'alice' })).toBeNull();
    expect(JSON.parse(f.file.text!)).toEqual({ serverUrl: URL_A });
  });

  it('answers only the app main frame once guarded', async () => {
    const s = await createSyncSecrets(CONTENT_SECURITY_POLICY, { safeStorage: fakeSafeStorage(), ...fakeFile() });
    const guarded = guardSender(s.handlers[IPC.setSyncServer]!, (u) => isAppUrl(u, null));
    await expect(guarded({ senderUrl: 'https://evil.example/', isMainFrame: true }, URL_A)).rejects.toThrow(/untrusted/);
    expect(s.policy()).toBe(CONTENT_SECURITY_POLICY);
  });
});

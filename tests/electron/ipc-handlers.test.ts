import { describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, guardSender } from '../../electron/ipc-handlers';
import type { IpcDeps } from '../../electron/ipc-handlers';
import { IPC } from '../../shared/api/ipc-contract';
import { isAppUrl } from '../../electron/url-policy';

function fakeDeps(overrides: Partial<IpcDeps> = {}): IpcDeps {
  return {
    appInfo: () => ({ version: '1.0.0', host: 'electron', dataFolder: '/data', locale: 'ja', platform: 'linux' }),
    showOpenDialog: async () => '/home/u/課題.xlsx',
    showSaveDialog: async ({ defaultPath }) => defaultPath,
    fileSize: async () => 10,
    readFile: async () => new Uint8Array([1, 2, 3]),
    writeFile: vi.fn(async () => undefined),
    defaultSaveFolder: () => '/home/u/Documents',
    notify: vi.fn(),
    printToPdf: async () => new Uint8Array([37, 80, 68, 70]),
    setUiLanguage: vi.fn(),
    snapshotFolder: () => '/data/backups',
    ensureFolder: async () => undefined,
    listFolder: async () => [],
    removeFile: vi.fn(async () => undefined),
    renameFile: vi.fn(async () => undefined),
    ...overrides,
  };
}

const app = { senderUrl: 'app://grant-portfolio/index.html', isMainFrame: true };

describe('IPC handlers', () => {
  it('opens a chosen file and returns its bytes', async () => {
    const h = createIpcHandlers(fakeDeps());
    const result = await h[IPC.openFile]!(app, { filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
    expect(result).toEqual({ name: '課題.xlsx', bytes: new Uint8Array([1, 2, 3]) });
  });
  it('returns null when the dialog is cancelled, and refuses oversized files', async () => {
    expect(await createIpcHandlers(fakeDeps({ showOpenDialog: async () => null }))[IPC.openFile]!(app, { filters: [] })).toBeNull();
    const big = createIpcHandlers(fakeDeps({ fileSize: async () => 10 ** 10 }));
    await expect(big[IPC.openFile]!(app, { filters: [] })).rejects.toThrow(/larger/);
  });
  it('saves into the chosen path, suggesting the documents folder', async () => {
    const deps = fakeDeps();
    const h = createIpcHandlers(deps);
    const result = await h[IPC.saveFile]!(app, { suggestedName: 'out.xlsx', filters: [], bytes: new Uint8Array([9]) });
    expect(result).toEqual({ saved: true, location: expect.stringContaining('out.xlsx') });
    expect(deps.writeFile).toHaveBeenCalledOnce();
  });
  it('validates arguments before acting', async () => {
    const deps = fakeDeps();
    const h = createIpcHandlers(deps);
    await expect(h[IPC.saveFile]!(app, { suggestedName: '../x', filters: [], bytes: new Uint8Array() })).rejects.toThrow();
    await expect(h[IPC.notify]!(app, { title: 1 })).rejects.toThrow();
    await expect(h[IPC.setUiLanguage]!(app, 'de')).rejects.toThrow();
    expect(deps.writeFile).not.toHaveBeenCalled();
  });
  it('refuses messages from other frames or origins', async () => {
    const handler = guardSender(async () => 'ok', (u) => isAppUrl(u, null));
    expect(await handler(app, null)).toBe('ok');
    await expect(handler({ senderUrl: 'https://evil.example/', isMainFrame: true }, null)).rejects.toThrow(/untrusted/);
    await expect(handler({ senderUrl: 'app://grant-portfolio/', isMainFrame: false }, null)).rejects.toThrow(/untrusted/);
  });
});

describe('snapshot handlers', () => {
  const names = ['grant-portfolio-2026-01-01T000000-daily.json', 'grant-portfolio-2026-01-02T000000-daily.json', 'grant-portfolio-2026-01-03T000000-daily.json'];
  it('writes atomically into the backups folder and prunes the oldest', async () => {
    const deps = fakeDeps({ listFolder: async () => names.map((name) => ({ name, size: 1, modified: '2026-01-01T00:00:00Z' })) });
    const h = createIpcHandlers(deps);
    const result = await h[IPC.saveSnapshot]!(app, { fileName: names[2], bytes: new Uint8Array([1]), keep: 2 });
    expect(result).toEqual({ saved: true, location: '/data/backups/' + names[2] });
    expect(deps.writeFile).toHaveBeenCalledWith('/data/backups/' + names[2] + '.partial', new Uint8Array([1]));
    expect(deps.renameFile).toHaveBeenCalledWith('/data/backups/' + names[2] + '.partial', '/data/backups/' + names[2]);
    expect(deps.removeFile).toHaveBeenCalledWith('/data/backups/' + names[0]);
    expect(deps.removeFile).toHaveBeenCalledTimes(1);
  });
  it('writes a snapshot given as parts (a backup leaves its Worker as parts) as one file, and refuses other bytes', async () => {
    const deps = fakeDeps({ listFolder: async () => [] });
    const h = createIpcHandlers(deps);
    const parts = [new Uint8Array([1, 2]), new Uint8Array([3])];
    await h[IPC.saveSnapshot]!(app, { fileName: names[0], bytes: parts, keep: 2 });
    expect(deps.writeFile).toHaveBeenCalledWith('/data/backups/' + names[0] + '.partial', parts);
    await expect(h[IPC.saveSnapshot]!(app, { fileName: names[0], bytes: [new Uint8Array([1]), 'x'], keep: 2 })).rejects.toThrow(/snapshot bytes/);
    await expect(h[IPC.saveSnapshot]!(app, { fileName: names[0], bytes: 'text', keep: 2 })).rejects.toThrow(/snapshot bytes/);
  });
  it('refuses names that are not snapshot names', async () => {
    const h = createIpcHandlers(fakeDeps());
    await expect(h[IPC.saveSnapshot]!(app, { fileName: '../../.bashrc', bytes: new Uint8Array([1]), keep: 2 })).rejects.toThrow();
    await expect(h[IPC.readSnapshot]!(app, '/etc/passwd')).rejects.toThrow();
    await expect(h[IPC.saveSnapshot]!(app, { fileName: names[0], bytes: new Uint8Array([1]), keep: 0 })).rejects.toThrow();
  });
  it('lists only snapshot files, newest first', async () => {
    const h = createIpcHandlers(fakeDeps({ listFolder: async () => [...names, 'x.txt'].map((name) => ({ name, size: 2048, modified: 'm' })) }));
    const list = (await h[IPC.listSnapshots]!(app, undefined)) as { fileName: string }[];
    expect(list.map((s) => s.fileName)).toEqual([...names].reverse());
  });
});

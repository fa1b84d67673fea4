// Backups: the whole database as one JSON file, written on demand (Backup…), automatically (daily, and before every
// import, restore and schema upgrade) and read back through parseBackup before a restore may replace anything.
import type { DesktopApi } from '../../shared/api/desktop-api';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, backupFileName, parseBackup } from '../../shared/backup/backup-format';
import type { BackupFile, BackupParse } from '../../shared/backup/backup-format';
import { Dexie, SYNC_LOCAL_SETTING_KEYS, SYNC_RECORDING_KEY, db } from './db';
import { readInPages } from './paged-read';
import type { GrantDatabase, SettingRow } from './db';
import { throwIfCancelled, writeInChunks } from './chunked-write';
import { COUNTERS_KEY } from '../../shared/portfolio/status-counts';

/** The counters row is derived from the data (db.ts keeps it) and the sync rows belong to this desktop: no backup carries them. */
const derivedRow = (row: unknown): boolean => {
  const key = (row as { key?: unknown } | null)?.key;
  return key === COUNTERS_KEY || SYNC_LOCAL_SETTING_KEYS.includes(String(key));
};

declare const __APP_VERSION__: string;
const appVersion = () => (typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0');

/** Largest backup file a restore will read (bytes). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/** Rows read per IndexedDB request while backing up: each page is its own short task on the main thread. */
const READ_PAGE = 2000;

/** Reads every backed-up table in one read transaction, so the snapshot is consistent (paged, see READ_PAGE). */
export async function exportBackup(database: GrantDatabase = db): Promise<BackupFile> {
  const tables = BACKUP_TABLES.map((t) => database.table(t));
  return database.transaction('r', tables, async () => {
    const rows = await Promise.all(tables.map((t) => readInPages(t, { pageSize: READ_PAGE })));
    const byName = Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, rows[i]!]));
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: database.verno,
      appVersion: appVersion(),
      createdAt: new Date().toISOString(),
      tables: { ...byName, settings: byName.settings!.filter((r) => !derivedRow(r)) },
    } as BackupFile;
  });
}

export function backupToBytes(backup: BackupFile): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(backup));
}


export interface BackupJobOptions {
  /** Checked between pages: a cancelled backup stops (a read transaction, so nothing to undo). */
  signal?: AbortSignal | undefined;
  /** Rows written so far and the rows to write. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * The same bytes as backupToBytes, written as parts (one per page of READ_PAGE rows) while the pages are read in one
 * read transaction: no whole-file string or row array is ever held, only the encoded parts, which go to the file API
 * as they are (Blob parts in the browser, one write of the list in Electron). Each page's rows are dropped once encoded.
 */
export async function writeBackupParts(database: GrantDatabase = db, opts: BackupJobOptions = {}): Promise<Uint8Array[]> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const tables = BACKUP_TABLES.map((t) => database.table(t));
  await database.transaction('r', tables, async () => {
    const counts = await Promise.all(tables.map((t) => t.count()));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    opts.onProgress?.(0, total);
    const meta = JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: database.verno, appVersion: appVersion(), createdAt: new Date().toISOString() });
    parts.push(enc.encode(`${meta.slice(0, -1)},"tables":{`));
    for (const [i, table] of tables.entries()) {
      parts.push(enc.encode(`${i ? ',' : ''}${JSON.stringify(BACKUP_TABLES[i])}:[`));
      const keyPath = table.schema.primKey.keyPath as string;
      let last: string | number | undefined;
      let first = true;
      for (;;) {
        throwIfCancelled(opts.signal);
        const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(READ_PAGE).toArray();
        const rows = BACKUP_TABLES[i] === 'settings' ? page.filter((r) => !derivedRow(r)) : page;
        if (rows.length) {
          const json = JSON.stringify(rows);
          parts.push(enc.encode(`${first ? '' : ','}${json.slice(1, -1)}`));
          first = false;
        }
        done += page.length;
        opts.onProgress?.(done, total);
        if (page.length < READ_PAGE) break;
        last = (page[page.length - 1] as Record<string, string | number>)[keyPath];
      }
      parts.push(enc.encode(']'));
    }
    parts.push(enc.encode('}}'));
  });
  return parts;
}

/** The customs gate for backup files: size, JSON, then parseBackup. Never throws. */
export function readBackupBytes(bytes: Uint8Array, currentSchemaVersion: number = db.verno): BackupParse {
  if (bytes.byteLength === 0) return { ok: false, problems: [{ path: '(file)', message: 'The file is empty / ファイルが空です' }] };
  if (bytes.byteLength > MAX_BACKUP_BYTES) return { ok: false, problems: [{ path: '(file)', message: 'The file is too large to be a backup / バックアップとしては大きすぎるファイルです' }] };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problems: [{ path: '(file)', message: 'The file is not a readable backup (not JSON) / バックアップとして読めないファイルです（JSONではありません）' }] };
  }
  return parseBackup(json, currentSchemaVersion);
}

/** Writes the app database's backup file as parts: on this thread unless the app set a Worker (setSnapshotWriter). */
let appSnapshotWriter: (() => Promise<Uint8Array[]>) | null = null;

/**
 * The app sets the backup Worker here at start (main.tsx), so every automatic backup of its database (daily, manual,
 * before an import or a sync) reads and encodes off the main thread; tests, and other databases, write in place.
 */
export function setSnapshotWriter(write: () => Promise<Uint8Array[]>): void {
  appSnapshotWriter = write;
}

/**
 * Writes an automatic backup through the host (files in the desktop app, a separate IndexedDB in the browser), as
 * the parts it was written in: never joined into one buffer in the page.
 */
export async function takeSnapshot(api: DesktopApi, reason: 'daily' | 'before-import' | 'before-restore' | 'before-upgrade' | 'manual', keep: number, database: GrantDatabase = db) {
  return api.saveSnapshot({ fileName: backupFileName(reason, new Date()), bytes: await (database === db && appSnapshotWriter ? appSnapshotWriter() : writeBackupParts(database)), keep });
}

/**
 * The automatic backup before an Excel import. Skipped (returns false) when the database holds no projects: there is
 * nothing an import could spoil. Throws when the backup cannot be written (a full disk), so the caller can ask.
 */
export async function snapshotBeforeImport(api: DesktopApi, keep: number, database: GrantDatabase = db): Promise<boolean> {
  if ((await database.projects.count()) === 0) return false;
  await takeSnapshot(api, 'before-import', keep, database);
  return true;
}

export interface RestoreOptions extends BackupJobOptions {
  user: string;
  database?: GrantDatabase | undefined;
  /** Rows per bulkAdd (tests use small chunks). */
  chunkSize?: number | undefined;
}

/**
 * Replaces the whole database with a validated backup in ONE transaction, written a chunk at a time (writeInChunks):
 * either everything is replaced or nothing; a failure in any chunk or a cancel aborts it and leaves the data as it
 * was. Call it after the before-restore snapshot (restoreBackup, or the backup Worker's client, take it first).
 */
export async function replaceWithBackup(backup: BackupFile, opts: RestoreOptions): Promise<void> {
  const database = opts.database ?? db;
  const tables = BACKUP_TABLES.map((t) => database.table(t));
  const rowsOf = (name: (typeof BACKUP_TABLES)[number]) => {
    // A backup older than the planning tables has none: they are cleared and stay empty.
    const all = (backup.tables[name] ?? []) as unknown[];
    return name === 'settings' ? all.filter((r) => !derivedRow(r)) : all;
  };
  const total = BACKUP_TABLES.reduce((n, name) => n + rowsOf(name).length, 0);
  let done = 0;
  opts.onProgress?.(0, total);
  // The outbox is always in the transaction and the sync flag read inside it: a restore runs in the backup Worker,
  // whose connection read the flag when it opened, and sync may have been turned on on the page since.
  await database.transaction('rw', [...tables, database.syncOutbox], async () => {
    database.syncRecording = (await database.settings.get(SYNC_RECORDING_KEY) as SettingRow | undefined)?.value === true;
    const syncRows = await database.settings.where('key').anyOf([...SYNC_LOCAL_SETTING_KEYS]).toArray();
    for (const t of tables) await t.clear();
    await database.settings.bulkPut(syncRows);
    for (const name of BACKUP_TABLES) {
      const table = database.table(name);
      await writeInChunks(rowsOf(name), (chunk) => table.bulkAdd(chunk), {
        signal: opts.signal,
        chunkSize: opts.chunkSize,
        onWritten: (n) => opts.onProgress?.((done += n), total),
      });
    }
    throwIfCancelled(opts.signal);
    await database.auditLog.add({
      at: new Date().toISOString(),
      user: opts.user || '(unknown)',
      entity: 'settings',
      entityId: 'backup',
      projectId: null,
      action: 'restore',
      summary: `Restored backup of ${backup.createdAt} (${backup.tables.projects.length} projects)`,
      before: null,
      after: { createdAt: backup.createdAt, appVersion: backup.appVersion },
    });
  });
}

/**
 * Replaces the whole database with a validated backup (replaceWithBackup), after snapshotting the current data, so a
 * restore can itself be undone from the backups list.
 */
export async function restoreBackup(backup: BackupFile, opts: RestoreOptions & { api: DesktopApi; keep: number }): Promise<void> {
  await takeSnapshot(opts.api, 'before-restore', opts.keep, opts.database ?? db);
  await replaceWithBackup(backup, opts);
}

const LAST_DAILY_KEY = 'lastDailySnapshotAt';

/** Takes the daily automatic backup when the last one is more than a day old. Returns true when one was written. */
export async function dailySnapshotIfDue(api: DesktopApi, keep: number, now = new Date(), database: GrantDatabase = db): Promise<boolean> {
  const last = (await database.settings.get(LAST_DAILY_KEY))?.value;
  if (typeof last === 'string' && now.getTime() - Date.parse(last) < 24 * 3600 * 1000) return false;
  if ((await database.projects.count()) === 0) return false;
  await takeSnapshot(api, 'daily', keep, database);
  await database.settings.put({ key: LAST_DAILY_KEY, value: now.toISOString() });
  return true;
}

/**
 * Before the app opens its database with a newer schema, backs up the data in its old shape (read with Dexie's
 * dynamic mode, which opens whatever version exists). A no-op when the database is new or already current.
 */
export async function snapshotBeforeUpgrade(api: DesktopApi, keep: number, database: GrantDatabase = db): Promise<boolean> {
  const existing = await existingVersion(database.name);
  if (existing === null || existing >= database.verno) return false;
  const old = new Dexie(database.name);
  try {
    await old.open();
    const tables: Record<string, unknown[]> = {};
    for (const t of old.tables) tables[t.name] = await t.toArray();
    const bytes = new TextEncoder().encode(
      JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: old.verno, appVersion: appVersion(), createdAt: new Date().toISOString(), tables }),
    );
    await api.saveSnapshot({ fileName: backupFileName('before-upgrade', new Date()), bytes, keep });
    return true;
  } finally {
    old.close();
  }
}

/** The Dexie schema version of an existing database, or null when none exists. */
async function existingVersion(name: string): Promise<number | null> {
  const names = await Dexie.getDatabaseNames();
  if (!names.includes(name)) return null;
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}

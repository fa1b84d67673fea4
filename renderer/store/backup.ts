// Backups: the whole database as one JSON file, written on demand (Backup…), automatically (daily, and before every
// import, restore and schema upgrade) and read back through parseBackup before a restore may replace anything.
import type { DesktopApi } from '../../shared/api/desktop-api';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, backupFileName, parseBackup } from '../../shared/backup/backup-format';
import type { BackupFile, BackupParse } from '../../shared/backup/backup-format';
import { Dexie, SYNC_LOCAL_SETTING_KEYS, db } from './db';
import type { GrantDatabase, Table } from './db';
import { nextTask } from './next-task';
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
/** Rows serialised per step before yielding, so a 50,000-project backup never blocks the UI for long. */
const WRITE_SLICE = 1000;

/** Reads a table a page at a time in primary-key order; call inside the backup's read transaction. */
async function readPaged(table: Table): Promise<unknown[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  const out: unknown[] = [];
  let last: string | number | undefined;
  for (;;) {
    const page = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(READ_PAGE).toArray();
    for (const row of page) out.push(row);
    if (page.length < READ_PAGE) return out;
    last = (page[page.length - 1] as Record<string, string | number>)[keyPath];
  }
}

/** Reads every backed-up table in one read transaction, so the snapshot is consistent (paged, see READ_PAGE). */
export async function exportBackup(database: GrantDatabase = db): Promise<BackupFile> {
  const tables = BACKUP_TABLES.map((t) => database.table(t));
  return database.transaction('r', tables, async () => {
    const rows = await Promise.all(tables.map((t) => readPaged(t)));
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


/**
 * The same bytes as backupToBytes, serialised WRITE_SLICE rows at a time with a yield between slices, so writing the
 * automatic backup of a large database is many short tasks instead of one long one.
 */
export async function backupToBytesSliced(backup: BackupFile): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const meta = JSON.stringify({ ...backup, tables: undefined });
  parts.push(enc.encode(`${meta.slice(0, -1)}${meta.length > 2 ? ',' : ''}"tables":{`));
  for (const [i, name] of BACKUP_TABLES.entries()) {
    const rows = (backup.tables[name] ?? []) as unknown[];
    parts.push(enc.encode(`${i ? ',' : ''}${JSON.stringify(name)}:[`));
    for (let r = 0; r < rows.length; r += WRITE_SLICE) {
      const slice = JSON.stringify(rows.slice(r, r + WRITE_SLICE));
      parts.push(enc.encode(`${r ? ',' : ''}${slice.slice(1, -1)}`));
      if (r + WRITE_SLICE < rows.length) await nextTask();
    }
    parts.push(enc.encode(']'));
  }
  parts.push(enc.encode('}}'));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
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

/** Writes an automatic backup through the host (files in the desktop app, a separate IndexedDB in the browser). */
export async function takeSnapshot(api: DesktopApi, reason: 'daily' | 'before-import' | 'before-restore' | 'before-upgrade' | 'manual', keep: number, database: GrantDatabase = db) {
  const backup = await exportBackup(database);
  return api.saveSnapshot({ fileName: backupFileName(reason, new Date()), bytes: await backupToBytesSliced(backup), keep });
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

/**
 * Replaces the whole database with a validated backup in one transaction: either everything is replaced or nothing.
 * The current data is snapshotted first, so a restore can itself be undone from the backups list.
 */
export async function restoreBackup(backup: BackupFile, opts: { api: DesktopApi; keep: number; user: string; database?: GrantDatabase }): Promise<void> {
  const database = opts.database ?? db;
  await takeSnapshot(opts.api, 'before-restore', opts.keep, database);
  const tables = BACKUP_TABLES.map((t) => database.table(t));
  await database.transaction('rw', tables, async () => {
    const syncRows = await database.settings.where('key').anyOf([...SYNC_LOCAL_SETTING_KEYS]).toArray();
    for (const t of tables) await t.clear();
    await database.settings.bulkPut(syncRows);
    for (const name of BACKUP_TABLES) {
      // A backup older than the planning tables has none: they are cleared above and stay empty.
      const all = (backup.tables[name] ?? []) as unknown[];
      const rows = name === 'settings' ? all.filter((r) => !derivedRow(r)) : all;
      if (rows.length) await database.table(name).bulkAdd(rows);
    }
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

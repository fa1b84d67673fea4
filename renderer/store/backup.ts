// Backups: the whole database as one JSON file, written on demand (Backup…), automatically (daily, and before every
// import, restore and schema upgrade) and read back through the gate in backup-read.ts before a restore may replace
// anything.
import type { DesktopApi } from '../../shared/api/desktop-api';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, backupFileName } from '../../shared/backup/backup-names';
import type { BackupFile } from '../../shared/backup/backup-format';
import { Dexie, GrantDatabase, SYNCED_TABLES, SYNC_LOCAL_SETTING_KEYS, SYNC_RECORDING_KEY, db, travelsToColleagues } from './db';
import { readInPages } from './paged-read';
import type { SettingRow, SyncOutboxRow } from './db';
import { throwIfCancelled, writeInChunks } from './chunked-write';
import { COUNTERS_KEY, readCounters } from '../../shared/portfolio/status-counts';
import type { DeleteOptions } from './current-database';
import { baseName, currentDatabaseName, deleteDatabase, newDatabaseName, pointToDatabase, sweepReplacedDatabases } from './current-database';

/** The counters row is derived from the data (db.ts keeps it) and the sync rows belong to this desktop: no backup carries them. */
const derivedRow = (row: unknown): boolean => {
  const key = (row as { key?: unknown } | null)?.key;
  return key === COUNTERS_KEY || SYNC_LOCAL_SETTING_KEYS.includes(String(key));
};

declare const __APP_VERSION__: string;
const appVersion = () => (typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0');

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
  /** The database restored over (the app's by default): its data is replaced, this desktop's own rows carried over. */
  database?: GrantDatabase | undefined;
  /** The new database's name (the page chooses it, to delete it after a cancel); newDatabaseName by default. */
  targetName?: string | undefined;
  /** Rows per bulkAdd (tests use small chunks). */
  chunkSize?: number | undefined;
}

/** What a restore carries over from the database it replaces, read in one transaction before it writes. */
interface KeptRows {
  /** Rows of the tables no backup holds (sync outbox and review, the notification log), as they are. */
  tables: [string, unknown[]][];
  /** This desktop's own sync settings rows. */
  syncRows: SettingRow[];
  syncRecording: boolean;
  /**
   * With sync on, every record being replaced, for the outbox: as when a restore cleared the tables, colleagues are
   * told of each (a record the backup does not hold then reaches them as deleted).
   */
  replaced: SyncOutboxRow[];
  /** The counters' revision: moved by every committed write to projects, budget lines or milestones. */
  revision: number;
}

async function readKeptRows(source: GrantDatabase): Promise<KeptRows> {
  const local = source.tables.filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t.name));
  const synced = SYNCED_TABLES.map((name) => source.table(name));
  return source.transaction('r', [...local, ...synced, source.settings], async () => {
    const syncRecording = ((await source.settings.get(SYNC_RECORDING_KEY)) as SettingRow | undefined)?.value === true;
    const replaced: SyncOutboxRow[] = [];
    if (syncRecording) {
      for (const t of synced) for (const key of await t.toCollection().primaryKeys()) if (travelsToColleagues(t.name, key)) replaced.push({ table: t.name, key: String(key) });
    }
    return {
      tables: await Promise.all(local.map(async (t) => [t.name, await t.toArray()] as [string, unknown[]])),
      syncRows: await source.settings.where('key').anyOf([...SYNC_LOCAL_SETTING_KEYS]).toArray(),
      syncRecording,
      replaced,
      revision: await countersRevision(source),
    };
  });
}

async function countersRevision(database: GrantDatabase): Promise<number> {
  return readCounters((await database.settings.get(COUNTERS_KEY))?.value)?.revision ?? 0;
}

/** A write reached the data being replaced while the restore wrote: it would be lost, so the restore is refused. */
export class ChangedDuringRestoreError extends Error {
  constructor() {
    super('The data changed while the backup was being restored; nothing was replaced. Restore again. / 復元中にデータが変更されたため、復元しませんでした。もう一度復元してください。');
    this.name = 'ChangedDuringRestoreError';
  }
}

/**
 * Writes a validated backup into a new, empty database in ONE transaction, a chunk at a time (writeInChunks), with
 * this desktop's own rows carried over, then points the app at it (current-database.ts). Either the pointer moves to
 * the whole restored data or nothing changes: on a failure or a cancel the old database stays current, untouched, and
 * the new one is deleted (by the page after a cancel, which ends this Worker). Writing into an empty database costs no
 * clear of the old rows: at 50,000 projects clearing them took about half as long as writing everything again.
 * Call it after the before-restore snapshot (restoreBackup, or the backup Worker's client, take it first). Returns
 * the new database's name: connections still open are to the old one, so the app reloads.
 */
export async function replaceWithBackup(backup: BackupFile, opts: RestoreOptions): Promise<string> {
  const source = opts.database ?? db;
  const kept = await readKeptRows(source);
  const target = new GrantDatabase(opts.targetName ?? newDatabaseName(source.name));
  try {
    // Opened first: its 'ready' handler reads the (still empty) settings for the sync flag.
    await target.open();
    target.syncRecording = kept.syncRecording;
    await writeRestore(target, backup, kept, opts);
    // The old data was read for the before-restore backup and for `kept`; a later write there would vanish with it.
    if ((await countersRevision(source)) !== kept.revision) throw new ChangedDuringRestoreError();
    await pointToDatabase(target.name);
  } catch (e) {
    await target.delete().catch(() => undefined);
    throw e;
  }
  target.close();
  return target.name;
}

async function writeRestore(target: GrantDatabase, backup: BackupFile, kept: KeptRows, opts: RestoreOptions): Promise<void> {
  const rowsOf = (name: (typeof BACKUP_TABLES)[number]) => {
    // A backup older than the planning tables has none: they stay empty.
    const all = (backup.tables[name] ?? []) as unknown[];
    return name === 'settings' ? all.filter((r) => !derivedRow(r)) : all;
  };
  const total = BACKUP_TABLES.reduce((n, name) => n + rowsOf(name).length, 0);
  let done = 0;
  opts.onProgress?.(0, total);
  // Every table, the outbox included: with sync on, the restored rows are queued for the office as before.
  await target.transaction('rw', target.tables, async () => {
    for (const [name, rows] of kept.tables) await target.table(name).bulkAdd(rows);
    await target.syncOutbox.bulkAdd(kept.replaced);
    await target.settings.bulkPut(kept.syncRows);
    for (const name of BACKUP_TABLES) {
      const table = target.table(name);
      await writeInChunks(rowsOf(name), (chunk) => table.bulkAdd(chunk), {
        signal: opts.signal,
        chunkSize: opts.chunkSize,
        onWritten: (n) => opts.onProgress?.((done += n), total),
      });
    }
    throwIfCancelled(opts.signal);
    await target.auditLog.add({
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
 * Replaces the data with a validated backup (replaceWithBackup), after snapshotting the current data, so a restore
 * can itself be undone from the backups list. Returns the restored database's name.
 */
export async function restoreBackup(backup: BackupFile, opts: RestoreOptions & { api: DesktopApi; keep: number }): Promise<string> {
  await takeSnapshot(opts.api, 'before-restore', opts.keep, opts.database ?? db);
  return replaceWithBackup(backup, opts);
}

/**
 * Deletes a restore's database that never became current (its restore failed or was cancelled). Never the current
 * one: a Worker that failed after moving the pointer leaves the restored data in place.
 */
export async function discardUnfinishedRestore(name: string): Promise<void> {
  if ((await currentDatabaseName(baseName(name))) !== name) await deleteDatabase(name);
}

/**
 * Deletes the databases replaced by the restore that made `current` the app's database, as the restore's last step, or
 * left by one cut short (at start, once the first screen is up). Deleting a big one makes Chromium reclaim its
 * records' space: done after the restore, that work is the restore's own; left for later, it competed with whatever
 * the app wrote next (a second restore took 1.7 times as long as the first at 50,000 projects).
 */
export function deleteReplacedDatabases(current: string = db.name, opts: DeleteOptions = {}): Promise<string[]> {
  return sweepReplacedDatabases(current, globalThis.indexedDB, opts);
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

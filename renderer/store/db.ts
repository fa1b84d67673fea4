// The one module that owns Dexie. Everything the office records lives in this IndexedDB database; other modules
// import `db` (and the types) from here and never the dexie package itself. Each schema version lists every table;
// a version that changes data gets an upgrade function and a migration test (tests/renderer/store/).
import { cmp, Dexie } from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, EntityTable, IndexableType, Table, Transaction } from 'dexie';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import type { CatalogEdition, CatalogProgram } from '../../shared/catalog/schema';
import type { Application, Membership, Researcher, TrackedCall } from '../../shared/domain/planning';
import { COUNTED_TABLES, COUNTERS_KEY, addChange, applyDelta, nextWritten, readCounters, zeroCounts } from '../../shared/portfolio/status-counts';
import type { CountedTable, PortfolioCounters, StatusCounts } from '../../shared/portfolio/status-counts';
import type { ReviewItem } from '../../shared/sync/sync-docs';
import { DB_NAME, currentDatabaseName } from './current-database';

export { DB_NAME };

/** A catalog edition the office imported (next year's document, a funder's list); the built-in one ships in assets/. */
export interface StoredEdition {
  id: string;
  importedAt: string;
  edition: CatalogEdition['edition'];
}

/** A program the office added or edited; `editionId` null means "the office's own". */
export interface StoredProgram extends CatalogProgram {
  editionId: string | null;
  updatedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A remembered column mapping, keyed by the header row's signature, so the next sheet of the same layout maps itself. */
export interface ImportMappingRow {
  signature: string;
  mapping: Record<string, string>;
  savedAt: string;
}

export interface MilestoneTemplateRow {
  id: string;
  kind: Milestone['kind'];
  title: string;
  /** Month and day after each fiscal year ends (e.g. 5, 31 → May 31 of the next calendar year). */
  month: number;
  day: number;
  /** Program the template applies to, or null for every project. */
  programId: string | null;
}

export interface NotificationLogRow {
  /** milestone id + ISO date: at most one notification per item per day. */
  key: string;
  at: string;
}

/** One local write to a synced record, recorded only while sync is on (see `syncOutboxMiddleware`). */
export interface SyncOutboxRow {
  seq?: number;
  /** The Dexie table written (projects, budgetLines, …). */
  table: string;
  key: string;
}

/** A record whose conflicting amount, status or date waits for someone to choose ("to review", 要確認). */
export interface SyncReviewRow {
  /** The record's sync document id, `<kind>:<key>`. */
  docId: string;
  items: ReviewItem[];
}

/** Tables whose records travel to colleagues, one CouchDB document per record (settings: only the shared keys). */
export const SYNCED_TABLES: readonly string[] = ['projects', 'budgetLines', 'milestones', 'programs', 'milestoneTemplates', 'applications', 'trackedCalls', 'researchers', 'memberships', 'settings'];

/** Settings rows the whole office shares (the rest, preferences and counters included, stay on each desktop). */
export const SHARED_SETTING_KEYS: readonly string[] = ['planning'];

/** Whether a write to this record is sent to colleagues (settings rows: only the shared keys). */
export function travelsToColleagues(table: string, key: unknown): boolean {
  return SYNCED_TABLES.includes(table) && (table !== 'settings' || SHARED_SETTING_KEYS.includes(String(key)));
}

/** The settings row that says sync is recording changes; read when the database opens. */
export const SYNC_RECORDING_KEY = 'syncRecording';

/**
 * This desktop's own sync rows (whether it records, the server and user, its replica id): never shared, never in a
 * backup, and kept as they are by a restore (a restore changes the data, not how this desktop syncs).
 */
export const SYNC_LOCAL_SETTING_KEYS: readonly string[] = [SYNC_RECORDING_KEY, 'syncConfig', 'syncReplica'];

export class GrantDatabase extends Dexie {
  projects!: EntityTable<Project, 'id'>;
  budgetLines!: EntityTable<BudgetLine, 'id'>;
  milestones!: EntityTable<Milestone, 'id'>;
  programs!: EntityTable<StoredProgram, 'id'>;
  editions!: EntityTable<StoredEdition, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;
  importMappings!: EntityTable<ImportMappingRow, 'signature'>;
  milestoneTemplates!: EntityTable<MilestoneTemplateRow, 'id'>;
  notificationLog!: EntityTable<NotificationLogRow, 'key'>;
  applications!: EntityTable<Application, 'id'>;
  trackedCalls!: EntityTable<TrackedCall, 'id'>;
  researchers!: EntityTable<Researcher, 'id'>;
  memberships!: EntityTable<Membership, 'id'>;
  syncOutbox!: EntityTable<SyncOutboxRow, 'seq'>;
  syncReview!: EntityTable<SyncReviewRow, 'docId'>;
  /**
   * Whether writes are recorded for sync. False (the default, a single user): writes cost what they cost without sync.
   * Set from the settings row when the database opens and by `startSyncRecording`/`stopSyncRecording`.
   */
  syncRecording = false;

  constructor(name = DB_NAME) {
    // No optimistic query cache: its default ('cloned') deep-copies every live query's answer on the main thread,
    // which at 10,000 projects was about a third of opening the project list (issue 14). Live queries still re-run
    // after each committed write, as in Dexie 3.
    super(name, { cache: 'disabled' });
    this.version(1).stores({
      projects: 'id, &code, programId, status, department, pi, startDate, endDate, updatedAt, deletedAt',
      budgetLines: 'id, projectId, fiscalYear, [projectId+fiscalYear]',
      milestones: 'id, projectId, dueDate, status, kind, [status+dueDate]',
      programs: 'id, parentId, editionId, managedBy',
      editions: 'id',
      settings: 'key',
      auditLog: '++seq, projectId, at, entity',
      importMappings: 'signature',
      milestoneTemplates: 'id, programId',
      notificationLog: 'key',
    });
    // Version 2 (issue 17): the planning tables. Additive only, so no upgrade function: existing rows stay as they are
    // and the new tables start empty (the planning settings are a row of `settings`, read with defaults).
    this.version(2).stores({
      applications: 'id, code, status, programId, projectId, callId, eradDeadline, deletedAt',
      trackedCalls: 'id, programId, deadline, deletedAt',
      researchers: 'id, eradResearcherNumber, name, department, deletedAt',
      memberships: 'id, projectId, applicationId, researcherId',
    });
    // Version 3 (issue 18): the sync outbox (filled only while sync is on, so nothing to fill on upgrade), the records
    // waiting in "to review", and an index of audit entries by their sync document id (a colleague's entry is applied
    // once even when a batch is applied again after a crash).
    this.version(3).stores({
      auditLog: '++seq, projectId, at, entity, syncId',
      syncOutbox: '++seq',
      syncReview: 'docId',
    });
    this.use({ stack: 'dbcore', name: 'PortfolioCounters', create: countersMiddleware });
    this.use({ stack: 'dbcore', name: 'SyncOutbox', create: (down) => syncOutboxMiddleware(down, () => this.syncRecording) });
    // Sticky: read again whenever the database is opened again (after a version change elsewhere).
    this.on(
      'ready',
      async (vip: Dexie) => {
        this.syncRecording = ((await vip.table('settings').get(SYNC_RECORDING_KEY)) as SettingRow | undefined)?.value === true;
      },
      true,
    );
    // A new database starts with known counters (an older one gets them recounted once, see status-counters.ts).
    this.on('populate', (tx) => {
      void tx.table('settings').add({ key: COUNTERS_KEY, value: { revision: 0, byStatus: zeroCounts(), written: { epoch: newEpoch(), at: { projects: 0, budgetLines: 0, milestones: 0 } } } satisfies PortfolioCounters });
    });
  }
}

/** Tables whose writes bump the counters' revision (and, for projects, the counts by status). */
const isCounted = (name: string): name is CountedTable => (COUNTED_TABLES as readonly string[]).includes(name);

/** A new epoch of per-table revisions (status-counts.ts: TableRevisions). */
const newEpoch = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Transactions that told the middleware how their writes change the counts (see `countWritesAs`). */
const callerDeltas = new WeakMap<object, StatusCounts>();

/**
 * For a transaction that knows how its writes change the counts by status (the import adds them up as it plans its
 * 250,000 rows): the middleware skips its per-write bookkeeping (no old rows read) and, after each write, stores the
 * counts plus `delta` as it stands then, so the caller keeps adding to `delta` before each chunk's writes complete.
 * One call at the start of the transaction; the counters row is the middleware's business throughout.
 */
export function countWritesAs(tx: Transaction, delta: StatusCounts): void {
  callerDeltas.set(tx.idbtrans, delta);
}

/** One read-write transaction's view of the counters: the stored row and what its writes changed so far. */
interface TxCounters {
  base: Promise<PortfolioCounters | null>;
  delta: StatusCounts;
  /** The projects table was cleared (a restore): counts start again from zero. */
  cleared: boolean;
  /** A write these rules cannot follow (a partial range delete): the counts become unknown and are recounted. */
  unknown: boolean;
  /** The counted tables this transaction wrote (their revision in the row becomes this transaction's). */
  tables: Set<CountedTable>;
}

/**
 * Keeps the `portfolioCounters` settings row in step with the data, in the same transaction as each write, whichever
 * module writes: every read-write transaction on projects, budget lines or milestones also takes the settings table,
 * and after each write the row is put again with the revision bumped once per transaction and the counts changed by
 * what the write did (old project rows are read only for puts and deletes; inserts need none). The row is put without
 * awaiting it, so a caller awaiting its own write does not wait behind writes queued after it (the import pipelines
 * its chunks that way); a failed row write aborts the transaction, so data and counters never disagree once committed.
 */
function countersMiddleware(down: DBCore): Partial<DBCore> {
  const states = new WeakMap<DBCoreTransaction, TxCounters>();
  const settings = (): DBCoreTable => down.table('settings');

  const stateOf = (trans: DBCoreTransaction): TxCounters => {
    let s = states.get(trans);
    if (!s) {
      const base = settings().get({ trans, key: COUNTERS_KEY }).then((row: { value?: unknown } | undefined) => readCounters(row?.value));
      s = { base, delta: zeroCounts(), cleared: false, unknown: false, tables: new Set() };
      states.set(trans, s);
    }
    return s;
  };

  const save = (trans: DBCoreTransaction, s: TxCounters): void => {
    void s.base
      .then((base) => {
        const byStatus = s.unknown ? null : applyDelta(s.cleared ? zeroCounts() : (base?.byStatus ?? null), s.delta);
        const revision = (base?.revision ?? 0) + 1;
        const value: PortfolioCounters = { revision, byStatus, written: nextWritten(base?.written, s.tables, revision, newEpoch) };
        return settings().mutate({ type: 'put', trans, values: [{ key: COUNTERS_KEY, value }] });
      })
      .then(
        (res) => {
          if (res.numFailures) trans.abort();
        },
        () => trans.abort(),
      );
  };

  return {
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && !stores.includes('settings') && stores.some(isCounted);
      return down.transaction(widen ? [...stores, 'settings'] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!isCounted(name)) return table;
      const keyOf = (value: unknown): unknown => table.schema.primaryKey.extractKey?.(value);
      const counted = async (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
        const s = stateOf(req.trans);
        s.tables.add(name);
        if (name !== 'projects') {
          const res = await table.mutate(req);
          save(req.trans, s);
          return res;
        }
        let before: (Project | undefined)[] = [];
        if (req.type === 'put' || req.type === 'delete') {
          const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(keyOf));
          before = (await table.getMany({ trans: req.trans, keys })) as (Project | undefined)[];
        }
        const res = await table.mutate(req);
        if (req.type === 'deleteRange') {
          if (req.range.type === 3 /* DBCoreRangeType.Any: the whole table */) {
            s.cleared = true;
            s.delta = zeroCounts();
          } else s.unknown = true;
        } else {
          const n = req.type === 'delete' ? req.keys.length : req.values.length;
          for (let i = 0; i < n; i++) {
            if (res.failures[i]) continue;
            addChange(s.delta, before[i], req.type === 'delete' ? undefined : (req.values[i] as Project));
          }
        }
        save(req.trans, s);
        return res;
      };
      // The caller's delta: the write's own promise is returned untouched (the import's chunks resolve exactly as
      // without the middleware) and the row is put from the write's callback, while the transaction is active.
      const declared = (req: DBCoreMutateRequest, delta: StatusCounts): Promise<DBCoreMutateResponse> => {
        const s = stateOf(req.trans);
        s.tables.add(name);
        s.delta = delta;
        const written = table.mutate(req);
        written.then(() => save(req.trans, s), () => undefined);
        return written;
      };
      const mutate = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
        const delta = callerDeltas.get(req.trans);
        return delta ? declared(req, delta) : counted(req);
      };
      return { ...table, mutate };
    },
  };
}

/** Transactions applying colleagues' changes: their writes are not recorded for sync (no echo back to the server). */
const remoteTransactions = new WeakSet<object>();

/** Marks a transaction as applying a remote batch; one call at its start. */
export function markRemote(tx: Transaction): void {
  remoteTransactions.add(tx.idbtrans);
}

type RecordedListener = () => void;
const recordedListeners = new Set<RecordedListener>();

/** Called after a transaction that recorded changes for sync has committed (the live sync sends them then). */
export function onSyncRecorded(listener: RecordedListener): () => void {
  recordedListeners.add(listener);
  return () => recordedListeners.delete(listener);
}

/**
 * Tells this context's listeners that changes were recorded for sync by a transaction committed in another context
 * (the import's Worker): `onSyncRecorded` fires only where the writing transaction ran. Nothing while sync is off.
 */
export function announceSyncRecorded(): void {
  if (db.syncRecording) recordedListeners.forEach((l) => l());
}

/**
 * While sync is on, records every write to a synced table in `syncOutbox`, in the same transaction as the write,
 * whichever module writes (the import and restore included), so sync never misses a change. With sync off it only
 * checks the flag: no extra store in the transaction, no rows, no reads. A transaction begun before sync was turned on
 * has no outbox; `startSyncRecording` queues every record in a transaction that waits for it, so its writes are not
 * lost. The row is added without awaiting it, as the counters row is, and a failed add aborts the transaction.
 */
function syncOutboxMiddleware(down: DBCore, recording: () => boolean): Partial<DBCore> {
  const outbox = (): DBCoreTable => down.table('syncOutbox');
  const notified = new WeakSet<object>();
  const queue = (trans: DBCoreTransaction, table: string, keys: unknown[]): void => {
    if (keys.length === 0) return;
    outbox()
      .mutate({ type: 'add', trans, values: keys.map((key) => ({ table, key: String(key) })) })
      .then(
        (res) => {
          if (res.numFailures) trans.abort();
        },
        () => trans.abort(),
      );
    if (!notified.has(trans)) {
      notified.add(trans);
      (trans as unknown as IDBTransaction).addEventListener('complete', () => recordedListeners.forEach((l) => l()));
    }
  };
  const hasOutbox = (trans: DBCoreTransaction): boolean => (trans as unknown as IDBTransaction).objectStoreNames.contains('syncOutbox');
  return {
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && recording() && !stores.includes('syncOutbox') && stores.some((t) => SYNCED_TABLES.includes(t));
      return down.transaction(widen ? [...stores, 'syncOutbox'] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!SYNCED_TABLES.includes(name)) return table;
      const keyOf = (value: unknown): unknown => table.schema.primaryKey.extractKey?.(value);
      const shared = (key: unknown): boolean => travelsToColleagues(name, key);
      const mutate = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
        if (!recording() || remoteTransactions.has(req.trans) || !hasOutbox(req.trans)) return table.mutate(req);
        if (req.type === 'deleteRange') {
          return table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } }).then(({ result }) => {
            queue(req.trans, name, result.filter(shared));
            return table.mutate(req);
          });
        }
        const written = table.mutate(req);
        const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(keyOf));
        queue(req.trans, name, keys.filter(shared));
        return written;
      };
      return { ...table, mutate };
    },
  };
}

// The database the pointer names (a restore switches it, see current-database.ts): read once as the module loads, in
// the page and in every Worker alike, so all of them open the same one.
export const db = new GrantDatabase(await currentDatabaseName());

export type { IndexableType, Table, Transaction };
export { cmp, Dexie };

export async function putSetting(key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/**
 * An automatic backup kept by the browser build (the desktop app writes files instead). The body is a Blob since the
 * vault's version 2 (storing or listing it never copies the file through the page); version-1 rows hold a Uint8Array.
 */
export interface SnapshotRow {
  fileName: string;
  bytes: Blob | Uint8Array;
  sizeBytes: number;
  createdAt: string;
}

/** What the backups list shows, kept apart from the body so listing never reads tens of MB per backup. */
export interface SnapshotInfoRow {
  fileName: string;
  sizeBytes: number;
  createdAt: string;
}

/**
 * A separate database for the browser build's automatic backups, so that restoring or clearing the main database
 * never touches them, and a backup is never inside the data it backs up.
 */
export class SnapshotVault extends Dexie {
  snapshots!: EntityTable<SnapshotRow, 'fileName'>;
  snapshotInfo!: EntityTable<SnapshotInfoRow, 'fileName'>;

  constructor(name = `${DB_NAME}-snapshots`) {
    super(name);
    this.version(1).stores({ snapshots: 'fileName, createdAt' });
    // Version 2 (issue 14): each snapshot's list entry in a table of its own. The upgrade reads the existing bodies
    // once to take their sizes; from then on the list reads only this table.
    this.version(2)
      .stores({ snapshots: 'fileName, createdAt', snapshotInfo: 'fileName' })
      .upgrade(async (tx) => {
        const infos: SnapshotInfoRow[] = [];
        await tx.table<SnapshotRow, string>('snapshots').each((r) => {
          infos.push({ fileName: r.fileName, sizeBytes: r.sizeBytes, createdAt: r.createdAt });
        });
        await tx.table<SnapshotInfoRow, string>('snapshotInfo').bulkPut(infos);
      });
  }
}

type VersionChangeListener = () => void;
const versionChangeListeners = new Set<VersionChangeListener>();

/**
 * Another window or tab is opening the database with a newer schema: close our connection so its upgrade can run,
 * and tell the UI, which offers a reload.
 */
db.on('versionchange', () => {
  db.close();
  versionChangeListeners.forEach((l) => l());
  return false;
});

export function onVersionChange(listener: VersionChangeListener): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

/**
 * A promise of work queued inside the current transaction (an async function's chunk of writes), as a Dexie promise,
 * so that awaiting it resumes inside that transaction. Awaiting plain promises does not: after a few such awaits Dexie
 * lost the transaction, later requests went to transactions of their own and the change committed early
 * (PrematureCommitError; the chunked writer's loops of more than a few chunks).
 */
export function withinTransaction<T>(work: Promise<T>): Promise<T> {
  return Dexie.Promise.resolve(work) as unknown as Promise<T>;
}

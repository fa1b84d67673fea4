// The store's side of sync (renderer/sync/store-port.ts): while sync is on, every write is recorded in the outbox by
// db.ts in its own transaction, and colleagues' batches are written in one transaction marked remote, so they are not
// sent back, the counters middleware keeps the counts right, and the audit trail shows the colleague.
import type { AuditEntry } from '../../shared/domain/types';
import type { IncomingRecord, SyncKind } from '../../shared/sync/sync-docs';
import { REMOVED_FIELD, recordDocId } from '../../shared/sync/sync-docs';
import type { LocalChange, LocalChangeBatch, RemoteBatch, SyncStorePort } from '../sync/store-port';
import { beginChange } from './audit';
import { writeInChunks } from './chunked-write';
import { SHARED_SETTING_KEYS, SYNCED_TABLES, SYNC_RECORDING_KEY, db as appDb, markRemote } from './db';
import type { GrantDatabase, Table } from './db';

/** The Dexie table behind each record kind. */
const TABLE_OF_KIND: Record<SyncKind, string> = {
  project: 'projects',
  budgetLine: 'budgetLines',
  milestone: 'milestones',
  program: 'programs',
  template: 'milestoneTemplates',
  researcher: 'researchers',
  membership: 'memberships',
  application: 'applications',
  trackedCall: 'trackedCalls',
  settings: 'settings',
};

/** The audit trail's entity for each record kind (a template belongs to its program's settings). */
const ENTITY_OF_KIND: Record<SyncKind, AuditEntry['entity']> = {
  project: 'project',
  budgetLine: 'budget',
  milestone: 'milestone',
  program: 'program',
  template: 'program',
  researcher: 'researcher',
  membership: 'membership',
  application: 'application',
  trackedCall: 'call',
  settings: 'settings',
};

const KIND_OF_TABLE = Object.fromEntries(Object.entries(TABLE_OF_KIND).map(([k, t]) => [t, k as SyncKind])) as Record<string, SyncKind>;

/** An audit entry that came from a colleague keeps its document id, so it is applied once and never sent back. */
export type StoredAuditEntry = AuditEntry & { syncId?: string; undoneId?: string };

/** `<outbox seq>/<audit seq>`: how far each of the two feeds has been handed to sync. */
function parseCursor(cursor: string | null): { outbox: number; audit: number } {
  if (cursor === null) return { outbox: 0, audit: 0 };
  const m = /^(\d+)\/(\d+)$/.exec(cursor);
  if (!m) throw new Error(`Not a sync cursor: ${cursor}`);
  return { outbox: Number(m[1]), audit: Number(m[2]) };
}

/** Rows per request when a colleague's batch is written (see writeInChunks). */
const APPLY_CHUNK = 100;

/**
 * Even chunks of about APPLY_CHUNK rows, none under 50 unless the table has fewer rows in the batch: Dexie announces a
 * write of 50 rows or more to the live queries of every window as a whole-table change, and a smaller one key by key
 * for each index (a live query that does not watch the table keeps accumulating those keys until it next runs).
 */
function applyChunkSize(rows: number): number {
  return Math.ceil(rows / Math.max(1, Math.round(rows / APPLY_CHUNK)));
}

const syncedTables = (database: GrantDatabase): Table[] => SYNCED_TABLES.map((t) => database.table(t));

/**
 * Turns recording on and queues every record already stored, in one transaction over every synced table: a write
 * begun before it (without the outbox) commits first and is queued here, every later one is recorded by db.ts.
 * Returns how many records were queued (the first upload's size).
 */
export async function startSyncRecording(database: GrantDatabase = appDb): Promise<number> {
  await database.open();
  try {
    return await database.transaction('rw', [...syncedTables(database), database.syncOutbox], async () => {
      database.syncRecording = true;
      let queued = 0;
      for (const name of SYNCED_TABLES) {
        let keys = (await database.table(name).toCollection().primaryKeys()).map(String);
        if (name === 'settings') keys = keys.filter((k) => SHARED_SETTING_KEYS.includes(k));
        await database.syncOutbox.bulkAdd(keys.map((key) => ({ table: name, key })));
        queued += keys.length;
      }
      await database.settings.put({ key: SYNC_RECORDING_KEY, value: true });
      return queued;
    });
  } catch (e) {
    database.syncRecording = false;
    throw e;
  }
}

/** Turns recording off: the outbox and the "to review" list are emptied; the data stays as it is. */
export async function stopSyncRecording(database: GrantDatabase = appDb): Promise<void> {
  await database.transaction('rw', [database.syncOutbox, database.syncReview, database.settings], async () => {
    database.syncRecording = false;
    await database.syncOutbox.clear();
    await database.syncReview.clear();
    await database.settings.put({ key: SYNC_RECORDING_KEY, value: false });
  });
}

export function createStoreSyncPort(database: GrantDatabase = appDb): SyncStorePort {

  return {
    async collectLocalChanges(cursor, limit) {
      const from = parseCursor(cursor);
      return database.transaction('rw', [database.syncOutbox, database.auditLog, ...syncedTables(database)], async (): Promise<LocalChangeBatch> => {
        // The engine stored everything up to the cursor in its replica before asking again: those rows are done.
        if (from.outbox > 0) await database.syncOutbox.where(':id').belowOrEqual(from.outbox).delete();
        const rows = await database.syncOutbox.where(':id').above(from.outbox).limit(limit).toArray();
        const audits = (await database.auditLog.where(':id').above(from.audit).limit(limit).toArray()) as StoredAuditEntry[];
        const latest = new Map<string, { kind: SyncKind; table: string; key: string }>();
        for (const r of rows) {
          const kind = KIND_OF_TABLE[r.table];
          if (kind) latest.set(`${r.table}\u0000${r.key}`, { kind, table: r.table, key: r.key });
        }
        const byTable = new Map<string, { kind: SyncKind; key: string }[]>();
        for (const c of latest.values()) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
        const changes: LocalChange[] = [];
        for (const [table, items] of byTable) {
          const records = (await database.table(table).bulkGet(items.map((c) => c.key))) as (Record<string, unknown> | undefined)[];
          items.forEach((c, i) => changes.push({ kind: c.kind, key: c.key, record: records[i] ?? null }));
        }
        const next = { outbox: rows.at(-1)?.seq ?? from.outbox, audit: audits.at(-1)?.seq ?? from.audit };
        const moved = rows.length > 0 || audits.length > 0;
        return {
          changes,
          audit: audits.filter((a) => a.syncId === undefined).map((a) => ({ ...a, seq: a.seq! })),
          cursor: moved ? `${next.outbox}/${next.audit}` : null,
          more: rows.length === limit || audits.length === limit,
        };
      });
    },

    async applyRemoteBatch(batch: RemoteBatch) {
      // The last arrival of each record wins (a batch normally holds each document once); then one bulk request per
      // table and kind of write, so the counters middleware reads and writes once per table, not once per record.
      const latest = new Map<string, IncomingRecord>();
      for (const r of batch.records) latest.set(recordDocId(r.kind, r.key), r);
      const puts = new Map<string, Record<string, unknown>[]>();
      const deletes = new Map<string, string[]>();
      const reviewPuts: { docId: string; items: IncomingRecord['review'] }[] = [];
      const reviewDeletes: string[] = [];
      for (const [docId, r] of latest) {
        const table = TABLE_OF_KIND[r.kind];
        if (r.removed) deletes.set(table, [...(deletes.get(table) ?? []), r.key]);
        else {
          const rows = puts.get(table);
          if (rows) rows.push(r.record);
          else puts.set(table, [r.record]);
        }
        if (r.review.length) reviewPuts.push({ docId, items: r.review });
        else reviewDeletes.push(docId);
      }
      const tables = [...new Set([...puts.keys(), ...deletes.keys()])].map((t) => database.table(t));
      await database.transaction('rw', [...tables, database.auditLog, database.syncReview], async (tx) => {
        markRemote(tx);
        // A chunk at a time, so no task queues hundreds of writes at once (the download's batches run beside the app).
        for (const [table, rows] of puts) await writeInChunks(rows, (chunk) => database.table(table).bulkPut(chunk), { chunkSize: applyChunkSize(rows.length) });
        for (const [table, keys] of deletes) await writeInChunks(keys, (chunk) => database.table(table).bulkDelete(chunk), { chunkSize: APPLY_CHUNK });
        if (reviewPuts.length) await database.syncReview.bulkPut(reviewPuts);
        // Only rows that are there: a delete of absent keys still wakes every live query on the list (the badge's count)
        // in every window, once per batch of a download that has nothing under review.
        const listed = reviewDeletes.length ? ((await database.syncReview.where('docId').anyOf(reviewDeletes).primaryKeys()) as string[]) : [];
        await writeInChunks(listed, (chunk) => database.syncReview.bulkDelete(chunk), { chunkSize: APPLY_CHUNK });
        if (batch.audit.length === 0) return;
        // A batch applied again (the app stopped before the engine saved its place) adds no entry twice.
        const known = new Set((await database.auditLog.where('syncId').anyOf(batch.audit.map((a) => a.id)).toArray()).map((e) => (e as StoredAuditEntry).syncId));
        const fresh: StoredAuditEntry[] = [];
        for (const a of batch.audit) {
          if (known.has(a.id)) continue;
          known.add(a.id);
          const { undoneId, ...entry } = a.entry;
          fresh.push({ ...entry, user: a.author, syncId: a.id, ...(undoneId ? { undoneId } : {}) });
        }
        if (fresh.length) await database.auditLog.bulkAdd(fresh);
      });
    },

    async applyResolution(r: IncomingRecord, field: string) {
      const ctx = await beginChange();
      const table = database.table(TABLE_OF_KIND[r.kind]);
      const docId = recordDocId(r.kind, r.key);
      await database.transaction('rw', [table, database.auditLog, database.syncReview], async (tx) => {
        // Remote as far as the outbox goes (the engine already wrote the revision); the audit entry is this user's own.
        markRemote(tx);
        const before = ((await table.get(r.key)) as Record<string, unknown> | undefined) ?? null;
        if (r.removed) await table.delete(r.key);
        else await table.put(r.record);
        if (r.review.length) await database.syncReview.put({ docId, items: r.review });
        else await database.syncReview.delete(docId);
        const after = r.removed ? null : r.record;
        const projectId = r.kind === 'project' ? r.key : typeof after?.projectId === 'string' ? after.projectId : typeof before?.projectId === 'string' ? before.projectId : null;
        const what = field === REMOVED_FIELD ? '削除 / removal' : field;
        await database.auditLog.add({
          at: ctx.at, user: ctx.user, batch: ctx.batch, entity: ENTITY_OF_KIND[r.kind], entityId: r.key, projectId,
          action: r.removed ? 'delete' : before === null ? 'restore' : 'update',
          summary: `要確認を解決 / Resolved to review: ${what}`, before, after,
        });
      });
    },
  };
}

// The sync engine: keeps this desktop's store and the office's CouchDB in step through a local PouchDB replica.
// Local writes (collected from the store) become documents in the replica; replication carries them both ways;
// documents arriving from colleagues pass the gate, conflicts are merged field by field, and each batch is handed
// to the store to apply in one transaction. PouchDB is reached only through the databases given to it.
import { HybridClock } from '../../shared/sync/hlc';
import { mergeAll, resolveReview } from '../../shared/sync/merge';
import type { IncomingRecord, RecordDoc, ReviewItem, SyncDoc } from '../../shared/sync/sync-docs';
import { SYNC_SCHEMA_VERSION, auditToDoc, docStamps, docToRecord, isAuditDoc, recordDocId, recordToDoc, removalDoc, sameValue } from '../../shared/sync/sync-docs';
import type { SyncProblem } from '../../shared/sync/sync-gate';
import { parseSyncDoc } from '../../shared/sync/sync-gate';
import type { Database, WriteResult } from 'pouchdb-core';
import { nextTask } from '../store/next-task';
import type { SyncDatabase } from './pouch';
import type { RemoteAuditEntry, SyncStorePort } from './store-port';

export type SyncState = 'stopped' | 'syncing' | 'idle' | 'offline' | 'error';

export type SyncEvent =
  | { type: 'state'; state: SyncState }
  /** Replication progress: documents moved so far in this direction, and the server's count when known. */
  | { type: 'progress'; direction: 'push' | 'pull'; docs: number; total?: number }
  | { type: 'applied'; records: number; audit: number }
  /** A record went to "to review" (both values kept). */
  | { type: 'review'; docId: string; items: ReviewItem[] }
  /** The gate refused a document from the server; it was not applied. */
  | { type: 'rejected'; docId: string; problems: SyncProblem[] }
  /** The server refused a document from this desktop (validate_doc_update or rights). */
  | { type: 'denied'; docId: string; reason: string }
  /** A colleague's clock is ahead of this one by more than the allowed drift. */
  | { type: 'clock-drift'; aheadMs: number }
  | { type: 'error'; message: string };

export interface SyncEngineOptions {
  local: SyncDatabase;
  remote: SyncDatabase;
  store: SyncStorePort;
  /** CouchDB user name of whoever is signed in: every revision this desktop writes carries it as author. */
  user: string;
  /** This install's replica id (letters, digits, - and _). */
  replica: string;
  now?: () => number;
  /** Documents per replication batch (both directions) and per local batch collected. */
  batchSize?: number;
  /** Replica changes per batch applied to the store (one store transaction each). */
  applyBatchSize?: number;
}

/** Kept in a `_local` document: never replicated, so each desktop keeps its own place in each feed. */
interface EngineState {
  _id: typeof STATE_ID;
  _rev?: string;
  collectCursor: string | null;
  appliedSeq: number | string;
  clock: string | null;
}

const STATE_ID = '_local/grant-portfolio-sync-state';

interface LiveReplication {
  cancel(): void;
  on(event: string, fn: (arg: unknown) => void): LiveReplication;
}

export class SyncEngine {
  private readonly listeners = new Set<(e: SyncEvent) => void>();
  private readonly batchSize: number;
  private readonly applyBatchSize: number;
  /** Applying runs (at most one at a time) follow replication while it writes to the replica; see `followReplica`. */
  private applying: Promise<void> | null = null;
  private applyWanted = false;
  /** Merges written into the replica so far: syncOnce sends them back to the server in another round. */
  private mergesWritten = 0;
  private clock: HybridClock | null = null;
  private state: EngineState | null = null;
  private live: LiveReplication | null = null;
  /** Serializes collecting, applying and merging so two of them never interleave. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The pull under way, when its own batches are applied (see `Download`); null otherwise. */
  private download: Download | null = null;
  /** This desktop wrote into the replica since the last push began (so that push did not send everything). */
  private wroteSincePush = true;
  /** Where live replication's push may begin, set by a round that sent everything written here (see `syncOnce`). */
  private pushFrom: number | string | null = null;

  constructor(private readonly opts: SyncEngineOptions) {
    this.batchSize = opts.batchSize ?? REPLICATION_BATCH;
    this.applyBatchSize = opts.applyBatchSize ?? APPLY_BATCH;
  }

  on(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SyncEvent): void {
    for (const l of this.listeners) l(e);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async loadState(): Promise<EngineState> {
    if (this.state) return this.state;
    const db = this.opts.local as unknown as Database;
    let state: EngineState;
    try {
      state = (await db.get(STATE_ID)) as unknown as EngineState;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
      state = { _id: STATE_ID, collectCursor: null, appliedSeq: 0, clock: null };
    }
    this.state = state;
    this.clock = new HybridClock(this.opts.replica, this.opts.now ?? Date.now, state.clock ?? undefined);
    return state;
  }

  private async saveState(): Promise<void> {
    const state = this.state!;
    state.clock = this.clock!.current();
    const db = this.opts.local as unknown as Database;
    const res = await db.put(state);
    state._rev = res.rev;
  }

  private receiveStamps(doc: SyncDoc): void {
    for (const s of docStamps(doc)) {
      const ahead = this.clock!.receive(s);
      if (ahead !== undefined) this.emit({ type: 'clock-drift', aheadMs: ahead });
    }
  }

  /** Turns the store's local changes into documents in the local replica (replication then carries them). */
  pushLocalChanges(): Promise<number> {
    return this.serial(async () => {
      const state = await this.loadState();
      let written = 0;
      for (;;) {
        const batch = await this.opts.store.collectLocalChanges(state.collectCursor, this.batchSize);
        const ids = batch.changes.map((c) => recordDocId(c.kind, c.key));
        const current = ids.length ? await this.opts.local.allDocs({ keys: ids, include_docs: true }) : { rows: [] };
        const docs: SyncDoc[] = [];
        batch.changes.forEach((change, i) => {
          const row = current.rows[i] as { doc?: SyncDoc | null } | undefined;
          const parsed = row?.doc ? parseSyncDoc(row.doc) : null;
          const previous = parsed?.ok && !isAuditDoc(parsed.doc) ? { ...parsed.doc, _rev: row!.doc!._rev } : null;
          if (previous) this.receiveStamps(previous);
          if (change.record === null) {
            if (previous && !previous.removed) docs.push(removalDoc(previous, this.clock!.next(), this.opts.user, this.opts.replica));
            return;
          }
          const doc = recordToDoc({ kind: change.kind, record: change.record, previous, at: this.clock!.next(), by: this.opts.user, replica: this.opts.replica });
          if (!previous || !sameContent(doc, previous)) docs.push(doc);
        });
        for (const entry of batch.audit) docs.push(auditToDoc(entry, this.opts.replica, this.opts.user));
        if (docs.length) {
          const results = await this.opts.local.bulkDocs(docs);
          this.noteWritten(docs);
          for (const r of results) {
            const err = r as WriteResult;
            // An audit entry already there was uploaded before (a retried batch): the same entry, never a change.
            if (err.error && !(err.status === 409 && String(err.id).startsWith('audit:'))) throw new Error(`Local replica refused ${err.id}: ${err.message ?? err.name}`);
            if (!err.error) written++;
          }
        }
        if (batch.cursor !== null) state.collectCursor = batch.cursor;
        await this.saveState();
        if (!batch.more) return written;
      }
    });
  }

  /**
   * Hands documents that arrived in the local replica to the store, merging conflicts first, one store transaction per
   * batch of the replica's changes feed. The place in that feed (`appliedSeq`) is saved only after the store's
   * transaction committed: a browser killed in between applies the batch again (the store's apply is idempotent).
   * While a pull hands over its own batches (`Download`), those are applied instead, without reading them back.
   */
  applyIncoming(): Promise<number> {
    return this.serial(async () => {
      const state = await this.loadState();
      if (this.download) return this.applyArrived(this.download, state);
      let applied = 0;
      for (;;) {
        const res = await this.opts.local.changes({ since: state.appliedSeq, include_docs: true, conflicts: true, limit: this.applyBatchSize });
        const incoming = new Incoming();
        for (const change of res.results) await this.admit(change.deleted ? undefined : (change.doc as RawDoc | undefined), incoming);
        applied += await this.store(incoming);
        // Only now, with the batch committed in the store, does the saved place move past it.
        state.appliedSeq = res.last_seq;
        await this.saveState();
        if (res.results.length < this.applyBatchSize) return applied;
      }
    });
  }

  /**
   * Applies the pull's own batches, a store batch (`applyBatchSize` documents or more, whole replication batches) at a
   * time, all of them once the pull has ended. A document whose id the replica may hold in another revision (see
   * `Download.seen`) is read back with its conflicts, as the feed would give it; the others are applied as they came.
   * The saved place moves to the sequence known to follow the last batch applied; a failure ends the download's way
   * (the feed, from the saved place, takes up the rest).
   */
  private async applyArrived(d: Download, state: EngineState): Promise<number> {
    let applied = 0;
    try {
      while (d.batches.length && (d.ended || d.waiting >= this.applyBatchSize)) {
        const taken: ArrivedBatch[] = [];
        let docs = 0;
        while (d.batches.length && docs < this.applyBatchSize) {
          const b = d.batches.shift()!;
          taken.push(b);
          docs += b.docs.length;
        }
        d.waiting -= docs;
        const all = taken.flatMap((b) => b.docs);
        const times = new Map<string, number>();
        for (const doc of all) times.set(doc._id, (times.get(doc._id) ?? 0) + 1);
        const direct: RawDoc[] = [];
        const reread = new Set<string>();
        for (const doc of all) {
          if (d.seen.has(doc._id) || times.get(doc._id)! > 1) reread.add(doc._id);
          else direct.push(doc);
        }
        for (const doc of all) d.seen.add(doc._id);
        const incoming = new Incoming();
        for (const doc of direct) {
          // The document's only revision in the replica, so its winner with no conflicts: what the feed would give
          // (without the history replication sent and the tree the adapter added to the object while writing it).
          const { _revisions, _rev_tree, ...raw } = doc;
          await this.admit(raw._deleted ? undefined : raw, incoming);
        }
        if (reread.size) {
          const current = await this.opts.local.allDocs({ keys: [...reread], include_docs: true, conflicts: true });
          for (const row of current.rows) await this.admit(row.doc ?? undefined, incoming);
        }
        applied += await this.store(incoming);
        const seqs = await Promise.all(taken.map((b) => b.seq));
        const seq = seqs.reverse().find((x) => x !== null);
        if (seq !== undefined && seq !== null) {
          state.appliedSeq = seq;
          await this.saveState();
        }
      }
    } catch (e) {
      // What was taken and not committed is in the replica after the saved place: the feed gives it again.
      if (this.download === d) this.download = null;
      throw e;
    }
    return applied;
  }

  /**
   * Checks one document from the replica (its winning revision, with `_conflicts` when it has any) and adds it to what
   * the store applies next; conflicts are merged first. Nothing for a deleted or design document, nor for one written here.
   */
  private async admit(raw: RawDoc | undefined, into: Incoming): Promise<void> {
    // A long batch is checked a slice at a time, so a stop or a resolve from the page is answered in between.
    if (performance.now() - into.sliceStart > SLICE_MS) {
      await nextTask();
      into.sliceStart = performance.now();
    }
    if (!raw || raw._deleted || raw._id.startsWith('_design/')) return;
    if (raw._conflicts?.length) {
      const merged = await this.mergeConflicts(raw);
      if (merged) into.records.push(merged);
      return;
    }
    const parsed = parseSyncDoc(raw);
    if (!parsed.ok) {
      this.emit({ type: 'rejected', docId: raw._id, problems: parsed.problems });
      return;
    }
    const doc = parsed.doc;
    this.receiveStamps(doc);
    if (doc.replica === this.opts.replica) return; // written here: the store already has it
    if (isAuditDoc(doc)) into.audit.push({ id: doc._id, author: doc.author, entry: doc.entry });
    else {
      into.records.push(docToRecord(doc));
      if (doc.review.length) this.emit({ type: 'review', docId: doc._id, items: doc.review });
    }
  }

  /** Writes what was admitted in one store transaction; resolves with how many records and audit entries it held. */
  private async store(incoming: Incoming): Promise<number> {
    const { records, audit } = incoming;
    if (records.length === 0 && audit.length === 0) return 0;
    await this.opts.store.applyRemoteBatch({ records, audit });
    this.emit({ type: 'applied', records: records.length, audit: audit.length });
    return records.length + audit.length;
  }

  /** Notes what this desktop wrote into the replica. Ids: during a download, a later arrival of one is read back with its conflicts. */
  private noteWritten(docs: { _id: string }[]): void {
    this.wroteSincePush = true;
    const d = this.download;
    if (d) for (const doc of docs) d.seen.add(doc._id);
  }

  /**
   * The replica's sequence right after a pull batch was written, read at once (the next batch is written only after
   * this one's checkpoint). Known only when the newest change is one of this batch's revisions; otherwise (this
   * desktop wrote in between) null, and the saved place waits for a later batch or for the feed.
   */
  private async seqAfter(docs: RawDoc[]): Promise<number | string | null> {
    try {
      const res = await this.opts.local.changes({ descending: true, limit: 1 });
      const last = res.results[0];
      const rev = last?.changes[0]?.rev;
      return last && docs.some((doc) => doc._id === last.id && doc._rev === rev) ? last.seq : null;
    } catch {
      return null;
    }
  }

  /**
   * Starts handing the pull's batches to the store directly, when the replica is small enough to list its ids (a first
   * download starts from an empty one). Whatever arrived before and is not applied yet (a run stopped midway) is
   * applied from the feed first, so the pull's batches follow the saved place.
   */
  private async beginDownload(): Promise<void> {
    await this.applyIncoming();
    const info = await this.opts.local.info();
    if (info.doc_count > DIRECT_DOWNLOAD_MAX_HELD) return;
    const d: Download = { seen: new Set(), batches: [], waiting: 0, ended: false };
    // Set before the ids are listed: a document this desktop writes meanwhile is noted either way.
    this.download = d;
    try {
      const held = await this.opts.local.allDocs({});
      for (const row of held.rows) d.seen.add(row.key);
    } catch (e) {
      // Left set, it would keep later pulls (live ones too) waiting for batches nobody hands over.
      this.download = null;
      throw e;
    }
  }

  /** Applies what the pull left (whole replication batches below a store batch) and goes back to the feed. */
  private async endDownload(): Promise<void> {
    const d = this.download;
    if (!d) return;
    d.ended = true;
    try {
      await this.followed();
      await this.applyIncoming();
    } finally {
      if (this.download === d) this.download = null;
    }
  }

  /**
   * Called on each batch replication writes to the replica: applies what arrived while the replication goes on (the
   * download and the store's writes overlap instead of following one another). Runs coalesce: one at a time, and one
   * more if batches arrived meanwhile. `onError` gets a failed run's error; the next run starts again from the saved place.
   */
  private followReplica(onError: (e: unknown) => void): void {
    this.applyWanted = true;
    if (this.applying) return;
    this.applying = (async () => {
      while (this.applyWanted) {
        this.applyWanted = false;
        try {
          await this.applyIncoming();
        } catch (e) {
          onError(e);
        }
      }
      this.applying = null;
    })();
  }

  /** Resolves once no run started by `followReplica` is going on. */
  private async followed(): Promise<void> {
    while (this.applying) await this.applying;
  }

  /**
   * Folds CouchDB's winning revision and its conflicts into one: the merged content is written on the winner (unless
   * the winner already is the merge) and the other branches are closed, all under this user's name.
   */
  private async mergeConflicts(winner: SyncDoc & { _conflicts?: string[] }): Promise<IncomingRecord | null> {
    const revs = [winner._rev!, ...(winner._conflicts ?? [])];
    const all = await Promise.all(revs.map((rev) => this.opts.local.get(winner._id, { rev })));
    const valid: RecordDoc[] = [];
    for (const d of all) {
      const parsed = parseSyncDoc(d);
      if (!parsed.ok) this.emit({ type: 'rejected', docId: winner._id, problems: parsed.problems });
      else if (isAuditDoc(parsed.doc)) {
        this.emit({ type: 'error', message: `Audit entry ${winner._id} exists in two versions; left as it is` });
        return null;
      } else valid.push({ ...parsed.doc, _rev: d._rev });
    }
    if (valid.length === 0) return null;
    valid.forEach((d) => this.receiveStamps(d));
    const m = mergeAll(valid);
    const base = valid.find((d) => d._rev === winner._rev) ?? valid[0]!;
    const merged: RecordDoc = {
      _id: winner._id,
      _rev: winner._rev,
      type: base.type,
      schema: SYNC_SCHEMA_VERSION,
      author: this.opts.user,
      replica: this.opts.replica,
      data: m.data,
      stamps: m.stamps,
      removed: m.removed,
      review: m.review,
    };
    const winnerIsMerge = valid.some((d) => d._rev === winner._rev && sameContent(d, merged));
    const closeBranches = revs.slice(1).map((rev) => ({ _id: winner._id, _rev: rev, _deleted: true, type: base.type, schema: SYNC_SCHEMA_VERSION, author: this.opts.user, replica: this.opts.replica }));
    const writes = [...(winnerIsMerge ? [] : [merged]), ...closeBranches] as unknown as SyncDoc[];
    const results = await this.opts.local.bulkDocs(writes);
    this.noteWritten(writes);
    const failed = results.find((r) => (r as WriteResult).error);
    if (failed) throw new Error(`Merging ${winner._id} failed: ${(failed as WriteResult).message}`);
    this.mergesWritten++;
    if (m.review.length) this.emit({ type: 'review', docId: winner._id, items: m.review });
    const colleague = valid.filter((d) => d.replica !== this.opts.replica).sort((x, y) => (x._rev! < y._rev! ? 1 : -1))[0];
    return { ...docToRecord(merged), author: colleague?.author ?? this.opts.user };
  }

  /**
   * Someone chose a value for a field under review: a new revision supersedes both sides (written as this user) and
   * the store gets it at once; replication then carries it to the office, where every desktop's list closes it.
   */
  resolve(docId: string, field: string, value: unknown): Promise<void> {
    return this.serial(async () => {
      await this.loadState();
      const raw = await this.opts.local.get(docId);
      const parsed = parseSyncDoc(raw);
      if (!parsed.ok || isAuditDoc(parsed.doc)) throw new Error(`Not a record document: ${docId}`);
      const doc: RecordDoc = { ...parsed.doc, _rev: raw._rev };
      this.receiveStamps(doc);
      const resolved: RecordDoc = { ...resolveReview(doc, field, value, this.clock!.next(), this.opts.user), replica: this.opts.replica };
      await this.opts.local.put(resolved);
      this.noteWritten([resolved]);
      await this.opts.store.applyResolution(docToRecord(resolved), field);
      await this.saveState();
    });
  }

  /** One full round: local changes out, the server's changes in, merged and applied (and merges sent back). */
  async syncOnce(): Promise<void> {
    this.emit({ type: 'state', state: 'syncing' });
    try {
      await this.pushLocalChanges();
      for (let round = 0; round < 3; round++) {
        await this.replicate('push');
        const merges = this.mergesWritten;
        await this.replicate('pull');
        await this.followed();
        // Whatever the runs during the download left (their last batch, or one that failed) is applied here.
        await this.applyIncoming();
        // Merges (during the download or after it) wrote revisions into the replica: send those too.
        if (this.mergesWritten === merges) break;
      }
      // Everything after the last push's start was downloaded, unless this desktop wrote too: then live replication's
      // push can begin at the replica's end instead of offering the server every document it just sent (a request per
      // hundred documents, and a read of each, right after a first download). Serial: no local write in between.
      await this.serial(async () => {
        const end = await this.opts.local.changes({ descending: true, limit: 1 });
        this.pushFrom = this.wroteSincePush ? null : (end.results[0]?.seq ?? null);
      });
      this.emit({ type: 'state', state: 'idle' });
    } catch (e) {
      this.emit({ type: 'error', message: (e as Error).message });
      this.emit({ type: 'state', state: 'error' });
      throw e;
    }
  }

  private async replicate(direction: 'push' | 'pull'): Promise<void> {
    const { local, remote } = this.opts;
    const total = direction === 'pull' ? (await remote.info()).doc_count : undefined;
    if (direction === 'pull') await this.beginDownload();
    else this.wroteSincePush = false;
    const rep = direction === 'push' ? local.replicate.to(remote, { batch_size: this.batchSize }) : local.replicate.from(remote, { batch_size: this.batchSize });
    let followedAt = 0;
    rep.on('change', (info) => {
      this.emit({ type: 'progress', direction, docs: direction === 'push' ? info.docs_written : info.docs_read, ...(total !== undefined ? { total } : {}) });
      // Applied once a full store batch has arrived, not after every replication batch: each store transaction is
      // announced to the page's live queries, and small ones key by key (see APPLY_BATCH). A run that fails here (a
      // merge overtaken by a newer revision arriving) is taken up by syncOnce's apply after the download, as is the rest.
      const d = this.download;
      if (direction === 'pull' && d && !d.ended && info.docs?.length) {
        const docs = info.docs as RawDoc[];
        d.batches.push({ docs, seq: this.seqAfter(docs) });
        d.waiting += docs.length;
      }
      if (direction === 'pull' && info.docs_written - followedAt >= this.applyBatchSize) {
        followedAt = info.docs_written;
        this.followReplica(() => undefined);
      }
    });
    rep.on('denied', (err) => {
      const e = err as { id?: string; message?: string; reason?: string };
      this.emit({ type: 'denied', docId: e.id ?? '', reason: e.reason ?? e.message ?? 'denied' });
    });
    try {
      await rep;
    } finally {
      if (direction === 'pull') await this.endDownload();
    }
  }

  /** Keeps replicating both ways until stopped; incoming changes are applied as they arrive. */
  start(): void {
    if (this.live) return;
    const { local, remote } = this.opts;
    const from = this.pushFrom;
    this.pushFrom = null;
    const live = local.sync(remote, { live: true, retry: true, batch_size: this.batchSize, ...(from === null ? {} : { push: { since: from } }) }) as unknown as LiveReplication;
    this.live = live;
    this.emit({ type: 'state', state: 'syncing' });
    live
      .on('change', (arg) => {
        const info = arg as { direction: 'push' | 'pull'; change: { docs_written: number; docs_read: number } };
        this.emit({ type: 'progress', direction: info.direction, docs: info.direction === 'push' ? info.change.docs_written : info.change.docs_read });
        if (info.direction === 'pull') this.followReplica((e) => this.emit({ type: 'error', message: (e as Error).message }));
      })
      .on('active', () => this.emit({ type: 'state', state: 'syncing' }))
      .on('paused', (err) => this.emit({ type: 'state', state: err ? 'offline' : 'idle' }))
      .on('denied', (err) => {
        const e = err as { id?: string; message?: string; reason?: string };
        this.emit({ type: 'denied', docId: e.id ?? '', reason: e.reason ?? e.message ?? 'denied' });
      })
      .on('error', (err) => {
        this.emit({ type: 'error', message: (err as Error).message ?? String(err) });
        this.emit({ type: 'state', state: 'error' });
      });
  }

  /** The store calls this after a local write while live: the change is turned into documents and sent. */
  notifyLocalChange(): Promise<number> {
    return this.pushLocalChanges();
  }

  /** Stops replicating; the local data stays as it is. */
  async stop(): Promise<void> {
    this.live?.cancel();
    this.live = null;
    await this.followed();
    await this.queue;
    this.emit({ type: 'state', state: 'stopped' });
  }
}

/**
 * Documents per replication batch. PouchDB writes a batch into the replica (and checks its revisions) in one task:
 * at 200 those tasks alone came near 100 ms on a busy machine; bench/sync.ts gives its floor the same size.
 */
const REPLICATION_BATCH = 100;

/**
 * Replica changes per store transaction. Each committed transaction is announced to every window's live queries
 * (Dexie's cross-context notification), so fewer, larger ones cost the page less; and a table written with 50 rows or
 * more at once is announced as a whole-table change instead of key by key (Dexie's threshold), which at 200 (about 40
 * projects a batch in a first download) made every live query that did not watch projects accumulate every key of
 * every project index: a heap and merge work growing with the download on the page's thread.
 */
const APPLY_BATCH = 500;

/**
 * Most documents the replica may hold for a pull to hand its batches to the store directly: their ids are listed once
 * when the pull begins (a first download's replica holds only this desktop's own few). A bigger replica is in step
 * already, its pulls are small, and the feed serves them.
 */
const DIRECT_DOWNLOAD_MAX_HELD = 10_000;

/** A document as the replica or the replication hands it over. */
type RawDoc = SyncDoc & { _deleted?: boolean; _conflicts?: string[]; _revisions?: unknown; _rev_tree?: unknown };

/** A replication batch written into the replica, with the replica's sequence right after it (null: not known). */
interface ArrivedBatch {
  docs: RawDoc[];
  seq: Promise<number | string | null>;
}

/**
 * A pull whose batches go to the store as the replication wrote them, instead of being read back from the replica's
 * changes feed (a second read of every document through the same IndexedDB). A document can be taken as it came only
 * if it is the one revision of its id in the replica, so it is the winner and has no conflicts: `seen` holds every id
 * the replica may hold otherwise (there when the pull began, arrived earlier in it, or written by this desktop since).
 */
interface Download {
  seen: Set<string>;
  batches: ArrivedBatch[];
  /** Documents in `batches`. */
  waiting: number;
  /** The pull ended: what is left is applied even below a store batch. */
  ended: boolean;
}

/** What one store transaction will apply, and when the current slice of checking began. */
class Incoming {
  readonly records: IncomingRecord[] = [];
  readonly audit: RemoteAuditEntry[] = [];
  sliceStart = performance.now();
}

/** Time after which applying ends its task, so the sync Worker keeps answering the page between slices. */
const SLICE_MS = 20;

function sameContent(a: RecordDoc, b: RecordDoc): boolean {
  return sameValue(a.data, b.data) && sameValue(a.stamps, b.stamps) && sameValue(a.removed, b.removed) && sameValue(a.review, b.review);
}

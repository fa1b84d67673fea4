// The audit trail and undo. Every write to projects, budgets and milestones goes through a store module that logs
// an AuditEntry in the SAME Dexie transaction, so the log can never disagree with the data; undo replays `before`.
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { db } from './db';
import { loadPreferences } from './preferences';
import type { Table } from './db';
import { writeInChunks } from './chunked-write';
import type { BulkJob } from './chunked-write';
import { readRevision } from './kept-snapshot';
import { noteOpenChanges, openChangeOf } from './open-changes';
import type { OpenChange } from './open-changes';

export const UNKNOWN_USER = '(unknown)';

/** Who and when for one user action; all its audit entries share the batch id. */
export interface ChangeContext {
  user: string;
  at: string;
  batch: string;
}

/** Reads the user's name (outside any transaction) and stamps the action. */
export async function beginChange(now: Date = new Date()): Promise<ChangeContext> {
  const user = (await loadPreferences()).userName.trim() || UNKNOWN_USER;
  return { user, at: now.toISOString(), batch: newId() };
}

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * The tables a change (and its audit entry) touch, for `db.transaction('rw', …)`. The planning tables are in it so an
 * award (application, project, budget lines, memberships) and its undo are each one transaction.
 */
export function auditedTables(): Table[] {
  return [db.projects, db.budgetLines, db.milestones, db.applications, db.trackedCalls, db.researchers, db.memberships, db.auditLog] as unknown as Table[];
}

/**
 * The narrowest scope for one change: the tables it writes plus the audit log (the counters and sync middlewares add
 * their own tables). A read-write transaction starts only once every read transaction open on a table of its scope has
 * ended, so an edit of one project scoped to every audited table waited for the project-list Worker's walk of the
 * milestones' projectId index (up to 1.3 s on a loaded machine; docs/performance.md, "Session 13: save").
 */
export function changeScope(...tables: readonly unknown[]): Table[] {
  return [...tables, db.auditLog] as Table[];
}

type AuditedEntity = 'project' | 'budget' | 'milestone' | 'application' | 'call' | 'researcher' | 'membership';
type AnyRow = Project | BudgetLine | Milestone;

/** One audit entry before the action's who/when/batch are stamped on it. */
export interface AuditDraft {
  entity: AuditEntry['entity'];
  entityId: string;
  projectId: string | null;
  action: AuditEntry['action'];
  summary: string;
  before: unknown;
  after: unknown;
  undoneSeq?: number;
}

/** Adds one audit entry; call inside the transaction that makes the change. */
export async function logChange(ctx: ChangeContext, entry: AuditDraft): Promise<void> {
  await db.auditLog.add({ ...entry, at: ctx.at, user: ctx.user, batch: ctx.batch });
}

/** Adds many audit entries of one action in one request (a bulk change); call inside its transaction. */
export async function logChanges(ctx: ChangeContext, entries: readonly AuditDraft[]): Promise<void> {
  await db.auditLog.bulkAdd(entries.map((e) => ({ ...e, at: ctx.at, user: ctx.user, batch: ctx.batch })));
}

const AUDITED_TABLES: Record<AuditedEntity, () => unknown> = {
  project: () => db.projects, budget: () => db.budgetLines, milestone: () => db.milestones,
  application: () => db.applications, call: () => db.trackedCalls, researcher: () => db.researchers, membership: () => db.memberships,
};

function tableFor(entity: AuditedEntity): Table<AnyRow, string> {
  return AUDITED_TABLES[entity]() as Table<AnyRow, string>;
}

const isAudited = (e: AuditEntry['entity']): e is AuditedEntity => Object.hasOwn(AUDITED_TABLES, e);

/**
 * An Excel import or a restore replaces data wholesale and keeps no row-by-row `before` (a 50,000-row import would
 * double the log); its automatic backup is its undo. Undo stops at one instead of reaching past it to older changes.
 */
export function isUndoBarrier(e: AuditEntry): boolean {
  return e.entity === 'import' || (e.entity === 'settings' && e.entityId === 'backup' && e.action === 'restore');
}

/**
 * The latest change that can still be undone: newest non-undo entry not yet reverted by a later undo, or the
 * import/restore barrier in front of it. Scans backwards in pages so a long log costs only its tail, and jumps over
 * what an undo reverted: an undo always reverts the newest change not yet reverted, so everything between its target
 * and itself is reverted or an undo; its entry read first (backwards) names the oldest entry it reverted, and the scan
 * goes on below that (a bulk action of 15,000 items and its undo are skipped in one step, not read).
 */
async function findUndoTarget(): Promise<AuditEntry | undefined> {
  const undone = new Set<number>();
  let below = Infinity;
  for (;;) {
    const page = await (below === Infinity ? db.auditLog.toCollection() : db.auditLog.where(':id').below(below)).reverse().limit(200).toArray();
    if (page.length === 0) return undefined;
    let next = page[page.length - 1]!.seq!;
    for (const e of page) {
      if (e.action === 'undo') {
        if (e.undoneSeq === undefined) continue;
        undone.add(e.undoneSeq);
        if (e.undoneSeq < e.seq!) {
          next = e.undoneSeq;
          break;
        }
      } else if (e.seq !== undefined && !undone.has(e.seq) && (isAudited(e.entity) || isUndoBarrier(e))) {
        return e;
      }
    }
    below = next;
  }
}

export type UndoResult =
  /** `batch`: the action undone; `committedAt`: the store revision the undo committed at (when known), by which a
   * screen that showed the undo's result ahead of its write tells when its reads show it by themselves. */
  | { ok: true; summary: string; count: number; batch?: string | undefined; committedAt?: number | undefined }
  | { ok: false; reason: 'nothing' | 'conflict'; message?: string }
  /** The last change was an Excel import or a restore: undo it by restoring the automatic backup taken before it. */
  | { ok: false; reason: 'import' | 'restore'; summary: string };

/** Describes what undo would revert (or the import/restore barrier), for the button's tooltip; undefined when nothing. */
export async function peekUndo(): Promise<AuditEntry | undefined> {
  return db.transaction('r', db.auditLog, findUndoTarget);
}

/** Entries reverted per chunk (one bulk write per table and one audit bulkAdd each): small enough that a chunk's
 * puts (each value cloned in the call) stay a short task, as in a bulk status change. */
const UNDO_CHUNK = 100;

/** Entries of one batch from which its undo is a long job: the caller runs it in a Worker (see `undoIsBig`). */
export const BIG_UNDO_ENTRIES = 500;

/**
 * Whether the change undo would revert now is a batch of at least `entries` audit entries (a bulk trash of
 * thousands), read with one get: a batch is written in one transaction, so its entries have consecutive keys.
 */
export async function undoIsBig(entries = BIG_UNDO_ENTRIES): Promise<boolean> {
  return db.transaction('r', db.auditLog, async () => {
    const target = await findUndoTarget();
    if (!target?.batch || isUndoBarrier(target)) return false;
    const oldest = await db.auditLog.get(target.seq! - (entries - 1));
    return oldest?.batch === target.batch;
  });
}

/**
 * The entries of `target`'s batch, newest first. Its keys are consecutive (one transaction wrote them), so it is read
 * in key ranges going down, each one request (a cursor over 10,000 entries was a round trip per entry); the ranges
 * grow from a few entries, so undoing one edit reads little beyond it.
 */
async function batchOf(target: AuditEntry): Promise<AuditEntry[]> {
  if (!target.batch) return [target];
  const out: AuditEntry[] = [];
  let hi = target.seq!;
  for (let size = 16; hi >= 1; size = Math.min(size * 4, 4096)) {
    const lo = Math.max(1, hi - size + 1);
    const page = await db.auditLog.where(':id').between(lo, hi, true, true).toArray();
    if (page.length === 0) return out;
    for (let i = page.length - 1; i >= 0; i--) {
      if (page[i]!.batch !== target.batch) return out;
      out.push(page[i]!);
    }
    hi = lo - 1;
  }
  return out;
}

/**
 * Reverts the latest user action (every entry of its batch, newest first) by restoring each entry's `before`
 * (deleting rows that did not exist), and logs each reversal as 'undo'. All in one transaction: it fully happens or
 * not. A big batch (10,000 projects to the trash) is written a chunk at a time inside it, in a Worker (see
 * renderer/workers/bulk-change.ts); a cancel aborts it.
 */
export async function undoLast(job: BulkJob = {}): Promise<UndoResult> {
  const ctx = await beginChange();
  const opened: OpenChange[] = [];
  let committedAt: number | undefined;
  try {
    const result = await db.transaction('rw', [...auditedTables(), db.settings], async (): Promise<UndoResult> => {
      const before = await readRevision();
      const target = await findUndoTarget();
      if (!target) return { ok: false, reason: 'nothing' };
      if (isUndoBarrier(target)) return { ok: false, reason: target.entity === 'import' ? 'import' : 'restore', summary: target.summary };
      const entries = (await batchOf(target)).filter((e) => e.action !== 'undo' && isAudited(e.entity));
      // Newest first, so a row changed twice in the batch ends as its oldest `before`: the last value seen per row
      // wins. Folded over the whole batch first, so chunks never touch the same row.
      const finalRow = new Map<string, { entity: AuditedEntity; id: string; row: AnyRow | null }>();
      for (const e of entries) finalRow.set(`${e.entity}\u0000${e.entityId}`, { entity: e.entity as AuditedEntity, id: e.entityId, row: (e.before ?? null) as AnyRow | null });
      const rows = [...finalRow.values()];
      const total = rows.length + entries.length;
      let done = 0;
      job.onProgress?.(0, total);
      const progress = { signal: job.signal, chunkSize: job.chunkSize ?? UNDO_CHUNK, onWritten: (n: number) => job.onProgress?.((done += n), total) };
      await writeInChunks(rows, (chunk) => {
        const writes: Promise<unknown>[] = [];
        for (const entity of new Set(chunk.map((r) => r.entity))) {
          const mine = chunk.filter((r) => r.entity === entity);
          // The milestones as they are before the puts below (requests run in order): what the undo does to the open
          // items, for the Deadlines views' kept counts (open-changes.ts).
          if (entity === 'milestone') {
            writes.push(db.milestones.bulkGet(mine.map((r) => r.id)).then((now) => {
              now.forEach((m, i) => opened.push(...openChangeOf(m, mine[i]!.row as Milestone | null)));
            }));
          }
          const puts = mine.flatMap((r) => (r.row ? [r.row] : []));
          const deletes = mine.flatMap((r) => (r.row ? [] : [r.id]));
          if (puts.length) writes.push(tableFor(entity).bulkPut(puts));
          if (deletes.length) writes.push(tableFor(entity).bulkDelete(deletes));
        }
        return Promise.all(writes);
      }, progress);
      await writeInChunks(entries, (chunk) => db.auditLog.bulkAdd(chunk.map((e): AuditEntry => ({
        entity: e.entity, entityId: e.entityId, projectId: e.projectId, action: 'undo',
        summary: `元に戻す / Undo: ${e.summary}`, before: e.after, after: e.before, undoneSeq: e.seq!, at: ctx.at, user: ctx.user, batch: ctx.batch,
      }))), progress);
      if (before !== undefined) committedAt = before + 1;
      return { ok: true, summary: target.summary, count: entries.length, batch: target.batch };
    });
    if (committedAt !== undefined) noteOpenChanges(committedAt, opened);
    return result.ok ? { ...result, committedAt } : result;
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    // A unique 管理番号 taken since the change is the one way a revert can collide.
    return { ok: false, reason: 'conflict', message: err instanceof Error ? err.message : String(err) };
  }
}

/** A project's log, newest first. */
export async function projectLog(projectId: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await db.auditLog.where('projectId').equals(projectId).reverse().limit(limit).toArray();
  return rows;
}

// The audit trail and undo. Every write to projects, budgets and milestones goes through a store module that logs
// an AuditEntry in the SAME Dexie transaction, so the log can never disagree with the data; undo replays `before`.
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { db } from './db';
import { loadPreferences } from './preferences';
import type { Table } from './db';

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

/** Rows written per request when undoing: each chunk's work stays a short task. */
const UNDO_CHUNK = 500;

export type UndoResult =
  | { ok: true; summary: string; count: number }
  | { ok: false; reason: 'nothing' | 'conflict'; message?: string }
  /** The last change was an Excel import or a restore: undo it by restoring the automatic backup taken before it. */
  | { ok: false; reason: 'import' | 'restore'; summary: string };

/** Describes what undo would revert (or the import/restore barrier), for the button's tooltip; undefined when nothing. */
export async function peekUndo(): Promise<AuditEntry | undefined> {
  return db.transaction('r', db.auditLog, findUndoTarget);
}

/**
 * Reverts the latest user action (every entry of its batch, newest first) by restoring each entry's `before`
 * (deleting rows that did not exist), and logs each reversal as 'undo'. All in one transaction: it fully happens or not.
 */
export async function undoLast(): Promise<UndoResult> {
  const ctx = await beginChange();
  try {
    return await db.transaction('rw', auditedTables(), async (): Promise<UndoResult> => {
      const target = await findUndoTarget();
      if (!target) return { ok: false, reason: 'nothing' };
      if (isUndoBarrier(target)) return { ok: false, reason: target.entity === 'import' ? 'import' : 'restore', summary: target.summary };
      const entries = target.batch
        ? await db.auditLog.where(':id').belowOrEqual(target.seq!).reverse().until((e) => e.batch !== target.batch).toArray()
        : [target];
      // Each row goes back to the `before` of the batch's oldest entry for it (entries come newest first, so a later
      // one in this loop wins); rows are then written table by table in bulk, a chunk at a time (a bulk action of
      // thousands of milestones is undone as fast as it was done), and each reversal is logged.
      const finals = new Map<string, { entity: AuditedEntity; id: string; row: AnyRow | null }>();
      const undoEntries: AuditDraft[] = [];
      for (const e of entries) {
        if (e.action === 'undo' || !isAudited(e.entity)) continue;
        finals.set(`${e.entity}\u0000${e.entityId}`, { entity: e.entity, id: e.entityId, row: e.before === null || e.before === undefined ? null : (e.before as AnyRow) });
        undoEntries.push({
          entity: e.entity, entityId: e.entityId, projectId: e.projectId, action: 'undo',
          summary: `元に戻す / Undo: ${e.summary}`, before: e.after, after: e.before, undoneSeq: e.seq!,
        });
      }
      const byEntity = new Map<AuditedEntity, { puts: AnyRow[]; deletes: string[] }>();
      for (const f of finals.values()) {
        const w = byEntity.get(f.entity) ?? { puts: [], deletes: [] };
        if (f.row) w.puts.push(f.row);
        else w.deletes.push(f.id);
        byEntity.set(f.entity, w);
      }
      for (const [entity, w] of byEntity) {
        const table = tableFor(entity);
        for (let i = 0; i < w.deletes.length; i += UNDO_CHUNK) await table.bulkDelete(w.deletes.slice(i, i + UNDO_CHUNK));
        for (let i = 0; i < w.puts.length; i += UNDO_CHUNK) await table.bulkPut(w.puts.slice(i, i + UNDO_CHUNK));
      }
      for (let i = 0; i < undoEntries.length; i += UNDO_CHUNK) await logChanges(ctx, undoEntries.slice(i, i + UNDO_CHUNK));
      return { ok: true, summary: target.summary, count: undoEntries.length };
    });
  } catch (err) {
    // A unique 管理番号 taken since the change is the one way a revert can collide.
    return { ok: false, reason: 'conflict', message: err instanceof Error ? err.message : String(err) };
  }
}

/** A project's log, newest first. */
export async function projectLog(projectId: string, limit = 200): Promise<AuditEntry[]> {
  const rows = await db.auditLog.where('projectId').equals(projectId).reverse().limit(limit).toArray();
  return rows;
}

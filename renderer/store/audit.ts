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

/** Adds one audit entry; call inside the transaction that makes the change. */
export async function logChange(
  ctx: ChangeContext,
  entry: { entity: AuditEntry['entity']; entityId: string; projectId: string | null; action: AuditEntry['action']; summary: string; before: unknown; after: unknown; undoneSeq?: number },
): Promise<void> {
  await db.auditLog.add({ ...entry, at: ctx.at, user: ctx.user, batch: ctx.batch });
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
 * import/restore barrier in front of it. Scans backwards in pages so a long log costs only its tail.
 */
async function findUndoTarget(): Promise<AuditEntry | undefined> {
  const undone = new Set<number>();
  let below = Infinity;
  for (;;) {
    const page = await (below === Infinity ? db.auditLog.toCollection() : db.auditLog.where(':id').below(below)).reverse().limit(200).toArray();
    if (page.length === 0) return undefined;
    for (const e of page) {
      if (e.action === 'undo') {
        if (e.undoneSeq !== undefined) undone.add(e.undoneSeq);
      } else if (e.seq !== undefined && !undone.has(e.seq) && (isAudited(e.entity) || isUndoBarrier(e))) {
        return e;
      }
    }
    below = page[page.length - 1]!.seq!;
  }
}

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
      let count = 0;
      for (const e of entries) {
        if (e.action === 'undo' || !isAudited(e.entity)) continue;
        const table = tableFor(e.entity);
        if (e.before === null || e.before === undefined) await table.delete(e.entityId);
        else await table.put(e.before as AnyRow);
        await logChange(ctx, {
          entity: e.entity, entityId: e.entityId, projectId: e.projectId, action: 'undo',
          summary: `元に戻す / Undo: ${e.summary}`, before: e.after, after: e.before, undoneSeq: e.seq!,
        });
        count++;
      }
      return { ok: true, summary: target.summary, count };
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

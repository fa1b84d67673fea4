// Changes to the open milestones made by this context's own writes, by the store revision each committed at: the
// Deadlines views' kept bucket counts (deadline-queries.ts) are moved by them instead of walking the index range again
// after a mark or its undo. A module of its own (no Dexie, no React) so the writers and their Worker can import it.
import type { IsoDate, Milestone } from '../../shared/domain/types';

/** One open item more (+1) or fewer (−1) due on `dueDate`. */
export interface OpenChange {
  dueDate: IsoDate;
  delta: 1 | -1;
}

/** Writes of this context whose changes to the open items are known, by the revision each committed at (a few). */
const notedChanges = new Map<number, readonly OpenChange[]>();
const NOTED_KEPT = 16;

/**
 * Called by a writer after its transaction committed at `revision` (it moved the revision by one): the kept counts are
 * moved by `changes` instead of being counted again (a mark done, its undo: at 50,000 projects a walk of 75,000 entries
 * each). A revision reached by any write not noted here makes them count again.
 */
export function noteOpenChanges(revision: number, changes: readonly OpenChange[]): void {
  notedChanges.set(revision, changes);
  for (const r of notedChanges.keys()) if (notedChanges.size > NOTED_KEPT) notedChanges.delete(r);
}

/** What replacing `old` by `now` (undefined/null: none) does to the open items' counts. */
export function openChangeOf(old: Pick<Milestone, 'status' | 'dueDate'> | null | undefined, now: Pick<Milestone, 'status' | 'dueDate'> | null | undefined): OpenChange[] {
  const wasOpen = old?.status === 'planned';
  const isOpen = now?.status === 'planned';
  if (wasOpen && isOpen && old.dueDate === now.dueDate) return [];
  return [...(wasOpen ? [{ dueDate: old.dueDate, delta: -1 as const }] : []), ...(isOpen ? [{ dueDate: now.dueDate, delta: 1 as const }] : [])];
}

/** The counts kept at `from` (keyed by their due-date range as `from/to`, to exclusive) moved to revision `to` by the
 * noted writes between, or null when one of them is not noted. */
export function movedCounts(from: { revision: number; byRange: Map<string, number> }, to: number): Map<string, number> | null {
  if (to <= from.revision) return null;
  const out = new Map(from.byRange);
  for (let r = from.revision + 1; r <= to; r++) {
    const changes = notedChanges.get(r);
    if (!changes) return null;
    for (const [key, n] of out) {
      const [lo = '', hi = '\uffff'] = key.split('/');
      out.set(key, n + changes.reduce((d, c) => (c.dueDate >= lo && c.dueDate < hi ? d + c.delta : d), 0));
    }
  }
  return out;
}

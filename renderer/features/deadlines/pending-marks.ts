// Items being marked done leave the Deadlines view at once, while their write commits: the view's page is read again
// only after the commit (at 50,000 projects that re-read was most of a mark's wait). Kept apart from the screen so the
// rule that says when a mark shows in the page by itself is tested without a DOM.
import type { DeadlineBucket } from '../../../shared/portfolio/deadlines';
import type { DeadlineViewPage } from '../../store/deadline-queries';

/** One mark (one item's button, or every selected item) whose rows the view hides. */
export interface PendingMark {
  /** The view and scope it was made in (`viewKey`): another view's counts may not hold its items, so it shows
   * them as they are stored until the write commits. */
  view: string;
  /** The marked items, each with the view bucket it was counted in. */
  items: ReadonlyMap<string, DeadlineBucket>;
  /**
   * The store's revision read after the write committed: a page read at it or later shows the write by itself.
   * Undefined while the write runs (no page read meanwhile can contain it: it is not committed).
   */
  committedAt?: number | undefined;
}

/** What a mark remembers of the view it was made in: the tab and the scope (not the page's length). */
export function viewKey(view: string, scope: { programId: string | null; department: string | null }): string {
  return `${view}/${scope.programId ?? ''}/${scope.department ?? ''}`;
}

/** Whether `page` already shows `mark`'s write (then hiding its items again would count them twice). */
export function markShown(mark: PendingMark, page: Pick<DeadlineViewPage, 'revision'>): boolean {
  return mark.committedAt !== undefined && page.revision !== undefined && page.revision >= mark.committedAt;
}

/**
 * The page as the view shows it while marks are pending: their items out of the rows, and out of each group's count
 * and the total (a page read before the commit still counts them). A group left with none is dropped, as the
 * store's own page drops empty groups.
 */
export function withoutPending(page: DeadlineViewPage, view: string, marks: readonly PendingMark[]): DeadlineViewPage {
  const pending = marks.filter((m) => m.view === view && !markShown(m, page));
  if (pending.length === 0) return page;
  const hidden = (id: string) => pending.some((m) => m.items.has(id));
  const inBucket = new Map<DeadlineBucket, number>();
  const seen = new Set<string>();
  for (const m of pending) {
    for (const [id, bucket] of m.items) {
      if (seen.has(id)) continue;
      seen.add(id);
      inBucket.set(bucket, (inBucket.get(bucket) ?? 0) + 1);
    }
  }
  const groups = page.groups
    .map((g) => ({ ...g, total: Math.max(0, g.total - (inBucket.get(g.bucket) ?? 0)), items: g.items.filter((m) => !hidden(m.id)) }))
    .filter((g) => g.total > 0);
  return { ...page, groups, total: groups.reduce((s, g) => s + g.total, 0) };
}

/**
 * The screen's last mark, kept so its undo can show the view as it was at once (at 50,000 projects the undo of 4,000
 * marks took seconds to write and read back). Kept only when the page shown at the click was read at the revision
 * just before the mark's: the mark was then the only write between, so once undone the view is that page again.
 */
export interface UndoableMark {
  /** The page shown when the mark was made (its `query` says which view, scope and length). */
  page: DeadlineViewPage;
  /** The mark's action (its audit entries' batch and time) and the revision it committed at. */
  batch: string;
  at: string;
  committedAt: number;
}

/** The mark to remember, or null when the page shown at the click was not read just before it. */
export function undoableMark(shown: DeadlineViewPage | undefined, change: { batch: string; at: string }, committedAt: number): UndoableMark | null {
  return shown?.revision !== undefined && shown.revision === committedAt - 1 ? { page: shown, batch: change.batch, at: change.at, committedAt } : null;
}

/**
 * Whether an undo about to run reverts `mark` and leaves the view as `mark.page`: the undo's target as last read is
 * the mark's batch, or older than the mark (the undo button's live read of the log not yet run again after the mark's
 * commit: at 50,000 projects it waits seconds behind the reads every write sets off), and the store's page now is the
 * same view read at the mark's revision or the one before (its read after the commit may still be under way, the
 * mark's items then hidden as pending): nothing else written since, as far as this screen has seen (a write seen
 * later only shows once the undo's own page is read; an undo that reverted another batch shows the store's page).
 */
export function undoShowsKept(mark: UndoableMark | null, target: { batch?: string | undefined; at: string } | undefined, page: DeadlineViewPage | undefined): mark is UndoableMark {
  if (!mark || !page || !target || page.query !== mark.page.query) return false;
  if (target.batch !== mark.batch && !(target.at < mark.at)) return false;
  return page.revision === mark.committedAt || page.revision === mark.committedAt - 1;
}

/** An undo shown ahead of its write: `page` until the store's pages show it (`committedAt`, known once committed). */
export interface PendingUndo {
  page: DeadlineViewPage;
  committedAt?: number | undefined;
}

/** The page to show while an undo is pending: the kept one for its own view until a page read at or after its commit. */
export function withPendingUndo(stored: DeadlineViewPage, undo: PendingUndo | null): DeadlineViewPage {
  if (!undo || stored.query !== undo.page.query || undoShown(undo, stored)) return stored;
  return undo.page;
}

/** Whether `page` shows the undo by itself (then the kept page is let go). */
export function undoShown(undo: PendingUndo, page: Pick<DeadlineViewPage, 'revision'>): boolean {
  return undo.committedAt !== undefined && page.revision !== undefined && page.revision >= undo.committedAt;
}

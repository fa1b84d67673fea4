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

// The dashboard's counts by status come from one stored row (db.ts keeps it in step with every write) instead of
// counting index entries at start. A database from before the row, or a write the rules could not follow, leaves the
// counts unknown: they are recounted here once from the indexes, inside a transaction, and stored again.
import { PROJECT_STATUSES } from '../../shared/domain/types';
import { COUNTERS_KEY, readCounters, zeroCounts } from '../../shared/portfolio/status-counts';
import type { PortfolioCounters, StatusCounts } from '../../shared/portfolio/status-counts';
import { db } from './db';

/** The stored counters (null when the row is missing). One get: cheap enough for the first screen's live query. */
export async function readPortfolioCounters(): Promise<PortfolioCounters | null> {
  return readCounters((await db.settings.get(COUNTERS_KEY))?.value);
}

/**
 * Counts projects by status from the indexes (trash excluded) and stores the result, keeping the revision. With
 * `force` false it does nothing when the stored counts are known. Walks the status index: call it off the start path.
 */
export async function recountStatuses(force = false): Promise<StatusCounts> {
  return db.transaction('rw', [db.projects, db.settings], async () => {
    const stored = readCounters((await db.settings.get(COUNTERS_KEY))?.value);
    if (stored?.byStatus && !force) return stored.byStatus;
    // deletedAt is null for projects outside the trash, and null is not indexed: this reads only the trash.
    const trashed = await db.projects.orderBy('deletedAt').toArray();
    const byStatus = zeroCounts();
    for (const s of PROJECT_STATUSES) byStatus[s] = (await db.projects.where('status').equals(s).count()) - trashed.filter((p) => p.status === s).length;
    const value: PortfolioCounters = { revision: stored?.revision ?? 0, byStatus };
    await db.settings.put({ key: COUNTERS_KEY, value });
    return byStatus;
  });
}

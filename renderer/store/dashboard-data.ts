// The store's reads for the Dashboard: the stored counters (one row, live), a signal when the tables its summary
// reads change (no query: Dexie's storagemutated event), and what the summary reads for every request (its big tables
// are the reports Worker's, report-data.ts).
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Application, Membership, Researcher } from '../../shared/domain/planning';
import type { PortfolioCounters } from '../../shared/portfolio/status-counts';
import { Dexie, db } from './db';
import { readPortfolioCounters } from './status-counters';

/** The stored counters: undefined while loading, null when the row is missing. */
export function usePortfolioCounters(): PortfolioCounters | null | undefined {
  return useLiveQuery(readPortfolioCounters, []);
}

export type WatchedTable = 'projects' | 'budgetLines' | 'milestones' | 'programs' | 'applications';

/**
 * A number that goes up after every committed write to one of `tables`, here or in another window. Costs nothing
 * at start, where a live query would have to read (count) 250,000 rows.
 */
export function useTablesChanged(tables: readonly WatchedTable[]): number {
  const [stamp, setStamp] = useState(0);
  const key = tables.join(',');
  useEffect(() => watchTables(key.split(',') as WatchedTable[], () => setStamp((n) => n + 1)), [key]);
  return stamp;
}

/** Calls `onChange` after every committed write to one of `tables` (here or in another context); returns the unsubscribe. */
export function watchTables(tables: readonly WatchedTable[], onChange: () => void): () => void {
  // Dexie names each changed range `idb://<database>/<table>/<index>`.
  const prefixes = tables.map((t) => `idb://${db.name}/${t}/`);
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) onChange();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}

/** What the summary reads for every request: the small planning tables (the overdue count is the page's,
 * deadline-queries.ts's countOverdue, kept with the store's revision). */
export interface DashboardSmall {
  /** The forecast's and the effort panel's inputs besides projects and budget lines. */
  applications: Application[];
  researchers: Researcher[];
  memberships: Membership[];
}

export async function readDashboardSmall(): Promise<DashboardSmall> {
  const [applications, researchers, memberships] = await db.transaction('r', [db.applications, db.researchers, db.memberships], () =>
    Promise.all([db.applications.toArray(), db.researchers.toArray(), db.memberships.toArray()]),
  );
  return { applications, researchers, memberships };
}

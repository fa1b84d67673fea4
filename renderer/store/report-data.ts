// The store's reads for the Reports screen's Worker: the big tables (every project, trash included — the reports leave
// it out — budget line and milestone) with the store's revision, which the Worker keeps between requests while the
// revision stays put (kept-snapshot.ts), and the small tables, read again for every request.
import type { Application } from '../../shared/domain/planning';
import type { ReportCore } from '../../shared/reports/report-set';
import { db } from './db';
import { readUnchanged } from './kept-snapshot';
import { readInPages } from './paged-read';

export interface ReportCoreData extends ReportCore {
  /** The counters row's revision when read (bumped by every committed write to projects, budget lines or milestones). */
  revision: number | undefined;
}

/** A page per transaction (writes do not wait for the read); the revision is undefined when one landed meanwhile. */
export async function readReportCore(): Promise<ReportCoreData> {
  const { value: [projects, budgetLines, milestones], counters } = await readUnchanged(() =>
    Promise.all([readInPages(db.projects), readInPages(db.budgetLines), readInPages(db.milestones)]),
  );
  return { projects, budgetLines, milestones, revision: counters?.revision };
}

/** The applications (success rates, forecast): few, and their writes do not move the revision, so read each time. */
export function readApplications(): Promise<Application[]> {
  return db.applications.toArray();
}

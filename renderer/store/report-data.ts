// The store's reads for the Reports screen's Worker: the big tables (every project, trash included — the reports leave
// it out — budget line and milestone) in one transaction with the store's revision, which the Worker keeps between
// requests while the revision stays put (kept-snapshot.ts), and the small tables, read again for every request.
import type { Application } from '../../shared/domain/planning';
import type { ReportCore } from '../../shared/reports/report-set';
import { db } from './db';
import { readRevision } from './kept-snapshot';

export interface ReportCoreData extends ReportCore {
  /** The counters row's revision when read (bumped by every committed write to projects, budget lines or milestones). */
  revision: number | undefined;
}

export async function readReportCore(): Promise<ReportCoreData> {
  return db.transaction('r', [db.projects, db.budgetLines, db.milestones, db.settings], async () => {
    const [projects, budgetLines, milestones, revision] = await Promise.all([db.projects.toArray(), db.budgetLines.toArray(), db.milestones.toArray(), readRevision()]);
    return { projects, budgetLines, milestones, revision };
  });
}

/** The applications (success rates, forecast): few, and their writes do not move the revision, so read each time. */
export function readApplications(): Promise<Application[]> {
  return db.applications.toArray();
}

// The store's read for the Reports screen's Worker: every project (trash included; the reports leave it out), budget
// line, milestone and planning record in one transaction, with the store's revision, so the Worker can keep one
// snapshot between requests (a what-if or a new period) and read again only after a write.
import type { Milestone } from '../../shared/domain/types';
import { COUNTERS_KEY, readCounters } from '../../shared/portfolio/status-counts';
import { db } from './db';
import type { PlanningData } from './planning';

export interface ReportData extends PlanningData {
  milestones: Milestone[];
  /** The counters row's revision when read (bumped by every write to projects, budget lines or milestones). */
  revision: number | undefined;
}

/** The store's revision now: equal to a snapshot's means that snapshot is still the data. */
export async function readRevision(): Promise<number | undefined> {
  return readCounters((await db.settings.get(COUNTERS_KEY))?.value)?.revision;
}

export async function readReportData(): Promise<ReportData> {
  const tables = [db.projects, db.budgetLines, db.milestones, db.applications, db.trackedCalls, db.researchers, db.memberships, db.settings];
  return db.transaction('r', tables, async () => {
    const [projects, budgetLines, milestones, applications, trackedCalls, researchers, memberships, revision] = await Promise.all([
      db.projects.toArray(), db.budgetLines.toArray(), db.milestones.toArray(), db.applications.toArray(), db.trackedCalls.toArray(), db.researchers.toArray(), db.memberships.toArray(), readRevision(),
    ]);
    return { projects, budgetLines, milestones, applications, trackedCalls, researchers, memberships, revision };
  });
}

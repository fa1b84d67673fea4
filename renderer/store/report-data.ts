// The store's reads for the Reports screen's Worker: the big tables (every project, trash included — the reports leave
// it out — budget line and milestone) in one transaction with the store's revision, kept between requests while the
// revision stays put, and the small tables the reports also need, read again for every request.
import type { Application } from '../../shared/domain/planning';
import type { ReportCore } from '../../shared/reports/report-set';
import { COUNTERS_KEY, readCounters } from '../../shared/portfolio/status-counts';
import { db } from './db';

export interface ReportCoreData extends ReportCore {
  /** The counters row's revision when read (bumped by every committed write to projects, budget lines or milestones). */
  revision: number | undefined;
}

/** The store's revision now: equal to a snapshot's means that snapshot is still the data. */
export async function readRevision(): Promise<number | undefined> {
  return readCounters((await db.settings.get(COUNTERS_KEY))?.value)?.revision;
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

/**
 * The big tables as stored now, read again only when the revision moved since the kept read (or is unknown). Every
 * write to those tables bumps the revision in its own transaction (db.ts), so an equal revision means the same rows.
 */
export class KeptReportCore {
  private kept: ReportCoreData | null = null;

  constructor(private readonly beforeRead: () => void = () => undefined) {}

  async current(): Promise<ReportCoreData> {
    if (this.kept) {
      const revision = await readRevision();
      if (revision !== undefined && revision === this.kept.revision) return this.kept;
    }
    // Dropped before reading, so the old and the new snapshot are never held together.
    this.kept = null;
    this.beforeRead();
    this.kept = await readReportCore();
    return this.kept;
  }
}

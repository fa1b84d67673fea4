// Reads whole tables for the export Workers, at once (nothing there must stay responsive); the Reports screen's
// Worker reads through report-data.ts.
import type { Application, Membership, Researcher } from '../../shared/domain/planning';
import type { BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { COUNTERS_KEY, readCounters } from '../../shared/portfolio/status-counts';
import { db } from './db';

export interface ExportPage {
  projects: Project[];
  budgetLines: BudgetLine[];
  milestones: Milestone[];
}

/**
 * Everything the standard workbook holds, in one read transaction (a consistent snapshot) and one request per table:
 * for the export Worker, where no screen waits on the thread, so paging would only add round trips. Trash excluded.
 */
export async function readAllAtOnce(): Promise<ExportPage> {
  const [projects, budgetLines, milestones] = await db.transaction('r', [db.projects, db.budgetLines, db.milestones], () =>
    Promise.all([db.projects.toArray(), db.budgetLines.toArray(), db.milestones.toArray()]),
  );
  return { projects: projects.filter((p) => !p.deletedAt), budgetLines, milestones };
}

/** One table's rows and the store's revision, read in one transaction: equal revisions mean the same snapshot. */
export interface TableSnapshot<T> {
  rows: T[];
  /** `revision` of the counters row (bumped in the same transaction as every write to the three tables); undefined
   * when the row does not exist yet. */
  revision: number | undefined;
}

interface ExportTables {
  projects: Project;
  budgetLines: BudgetLine;
  milestones: Milestone;
}

/**
 * All rows of one table (trash included) with the revision, in one read transaction and one request: for the export's
 * part Workers, which each read one table and compare revisions afterwards instead of sharing a transaction.
 */
export async function readTableWithRevision<K extends keyof ExportTables>(name: K): Promise<TableSnapshot<ExportTables[K]>> {
  const table = db.table<ExportTables[K], string>(name);
  return db.transaction('r', [table, db.settings], async () => {
    const [rows, counters] = await Promise.all([table.toArray(), db.settings.get(COUNTERS_KEY)]);
    return { rows, revision: readCounters(counters?.value)?.revision };
  });
}

export interface PlanningSnapshot {
  applications: Application[];
  researchers: Researcher[];
  memberships: Membership[];
  /** As in TableSnapshot (planning writes do not bump it: it tells whether the projects changed meanwhile). */
  revision: number | undefined;
}

/** The planning tables the standard workbook holds (applications, researchers, members), in one read transaction. */
export async function readPlanningForExport(): Promise<PlanningSnapshot> {
  return db.transaction('r', [db.applications, db.researchers, db.memberships, db.settings], async () => {
    const [applications, researchers, memberships, counters] = await Promise.all([
      db.applications.toArray(), db.researchers.toArray(), db.memberships.toArray(), db.settings.get(COUNTERS_KEY),
    ]);
    return { applications, researchers, memberships, revision: readCounters(counters?.value)?.revision };
  });
}

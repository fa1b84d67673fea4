// Reads whole tables for the export Workers (a page per transaction where the read is kept ahead, so writes do not
// wait for it); the Reports screen's Worker reads through report-data.ts.
import type { Application, Membership, Researcher } from '../../shared/domain/planning';
import type { BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { COUNTERS_KEY, readCounters } from '../../shared/portfolio/status-counts';
import { db } from './db';
import { readUnchanged } from './kept-snapshot';
import { readInPages } from './paged-read';

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

/** One table's rows and the store's revision they were read at: equal revisions mean the same snapshot. */
export interface TableSnapshot<T> {
  rows: T[];
  /** `revision` of the counters row (bumped in the same transaction as every write to the three tables); undefined
   * when the row does not exist yet or a write landed during the read (readUnchanged). */
  revision: number | undefined;
}

interface ExportTables {
  projects: Project;
  budgetLines: BudgetLine;
  milestones: Milestone;
}

/**
 * All rows of one table (trash included) with the revision they were read at, a page per transaction (the Workers read
 * ahead while the screen is open, and a save must not wait for that): for the export's part Workers, which each read
 * one table and compare revisions afterwards instead of sharing a transaction. The revision is read before and after
 * the pages, so a part read across a write never matches another part (export-client.ts wants them all equal).
 */
export async function readTableWithRevision<K extends keyof ExportTables>(name: K): Promise<TableSnapshot<ExportTables[K]>> {
  const { value: rows, counters } = await readUnchanged(() => readInPages(db.table<ExportTables[K], string>(name)));
  return { rows, revision: counters?.revision };
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

// The store's reads for the Reports screen's Worker: the big tables (every project, trash included — the reports leave
// it out — budget line and milestone), each read a page per transaction and kept by the Worker table by table
// (KeptTables, kept-snapshot.ts: after a write only the tables it touched are read again), and the small tables, read
// again for every request.
import type { Application } from '../../shared/domain/planning';
import type { ReportCore } from '../../shared/reports/report-set';
import { db } from './db';
import type { TableReaders } from './kept-snapshot';
import { readInPages } from './paged-read';

/** A page per transaction: writes do not wait for the read (KeptTables brackets it with the revision). */
export const reportTables: TableReaders<ReportCore> = {
  projects: () => readInPages(db.projects),
  budgetLines: () => readInPages(db.budgetLines),
  milestones: () => readInPages(db.milestones),
};

/** The applications (success rates, forecast): few, and their writes do not move the revision, so read each time. */
export function readApplications(): Promise<Application[]> {
  return db.applications.toArray();
}

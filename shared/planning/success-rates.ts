// Success rates from the office's own history: awarded ÷ decided (採択 ÷ (採択 + 不採択)), with the counts beside them
// so a rate of 1 from one decision is read for what it is. Withdrawn and pending applications are counted, not rated.
import type { Application } from '../domain/planning';
import type { IsoDate } from '../domain/types';
import { fiscalYearOf } from '../calendar/fiscal-year';
import { funderKey, programKey } from './program-context';
import type { ProgramLookup } from './program-context';

export type SuccessDimension = 'program' | 'funder' | 'department' | 'fiscalYear';

export interface SuccessRate {
  /** Program key (see programKey), funder, department, or the fiscal year as text. */
  key: string;
  applications: number;
  awarded: number;
  rejected: number;
  withdrawn: number;
  /** Planned or submitted: no result yet. */
  pending: number;
  /** awarded + rejected. */
  decided: number;
  /** awarded ÷ decided, 0–1; null when nothing is decided yet. */
  rate: number | null;
}

/**
 * The fiscal year an application belongs to (公募年度): that of its e-Rad deadline, else of its submission, else of
 * its result, else the first year it requests money; null when none is known.
 */
export function applicationFiscalYear(app: Pick<Application, 'eradDeadline' | 'submittedDate' | 'resultDate' | 'requested'>): number | null {
  const date: IsoDate | null = app.eradDeadline ?? app.submittedDate ?? app.resultDate;
  if (date) return fiscalYearOf(date);
  return app.requested.length ? Math.min(...app.requested.map((r) => r.fiscalYear)) : null;
}

type RateApp = Pick<Application, 'status' | 'programId' | 'funderName' | 'department' | 'eradDeadline' | 'submittedDate' | 'resultDate' | 'requested' | 'deletedAt'>;

function keyOf(app: RateApp, dimension: SuccessDimension, programs: ProgramLookup): string | null {
  switch (dimension) {
    case 'program':
      return programKey(app);
    case 'funder':
      return funderKey(programs, app);
    case 'department':
      return app.department.trim();
    case 'fiscalYear': {
      const fy = applicationFiscalYear(app);
      return fy === null ? null : String(fy);
    }
  }
}

function emptyRate(key: string): SuccessRate {
  return { key, applications: 0, awarded: 0, rejected: 0, withdrawn: 0, pending: 0, decided: 0, rate: null };
}

/** Adds one application's status to a tally (mutates it; the rate is set by finishRate). */
function tally(row: SuccessRate, app: Pick<Application, 'status'>): void {
  row.applications++;
  if (app.status === 'awarded') row.awarded++;
  else if (app.status === 'rejected') row.rejected++;
  else if (app.status === 'withdrawn') row.withdrawn++;
  else row.pending++;
}

function finishRate(row: SuccessRate): SuccessRate {
  row.decided = row.awarded + row.rejected;
  row.rate = row.decided ? row.awarded / row.decided : null;
  return row;
}

/**
 * Success rates grouped by a dimension; applications in the trash are left out, and so are those whose fiscal year
 * is unknown when grouping by year. `fiscalYears` limits the applications counted (inclusive range, by
 * applicationFiscalYear). Sorted by key (years ascending).
 */
export function successRates(
  apps: readonly RateApp[],
  dimension: SuccessDimension,
  programs: ProgramLookup,
  fiscalYears?: { from: number; to: number },
): SuccessRate[] {
  const groups = new Map<string, SuccessRate>();
  for (const app of apps) {
    if (app.deletedAt) continue;
    if (fiscalYears) {
      const fy = applicationFiscalYear(app);
      if (fy === null || fy < fiscalYears.from || fy > fiscalYears.to) continue;
    }
    const key = keyOf(app, dimension, programs);
    if (key === null) continue;
    let row = groups.get(key);
    if (!row) groups.set(key, (row = emptyRate(key)));
    tally(row, app);
  }
  const rows = [...groups.values()].map(finishRate);
  return dimension === 'fiscalYear' ? rows.sort((a, b) => Number(a.key) - Number(b.key)) : rows.sort((a, b) => a.key.localeCompare(b.key));
}

/** One rate over every application given (the total row of a table). */
export function overallSuccessRate(apps: readonly Pick<Application, 'status' | 'deletedAt'>[]): SuccessRate {
  const row = emptyRate('');
  for (const app of apps) if (!app.deletedAt) tally(row, app);
  return finishRate(row);
}

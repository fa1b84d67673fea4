// The office's internal deadline (学内締切): N working days before the e-Rad deadline, so the office has time to
// check and approve a submission. Working days are the calendar module's (weekends, holidays, year-end closure).
import type { IsoDate } from '../domain/types';
import { workingDaysBefore } from '../calendar/working-days';
import type { WorkingDayOptions } from '../calendar/working-days';

/** The office's rule; 5 working days unless the office sets another. */
export const DEFAULT_INTERNAL_DEADLINE_DAYS = 5;

/** N working days before the e-Rad deadline (the deadline itself not counted); N = 0 gives the deadline itself. */
export function internalDeadline(eradDeadline: IsoDate, workingDays: number = DEFAULT_INTERNAL_DEADLINE_DAYS, opts: WorkingDayOptions = {}): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new Error(`Working days must be a whole number ≥ 0: ${workingDays}`);
  return workingDays === 0 ? eradDeadline : workingDaysBefore(eradDeadline, workingDays, opts);
}

/** The internal deadline an application shows: the one the office set by hand, else the rule's, else none. */
export function effectiveInternalDeadline(
  app: { eradDeadline: IsoDate | null; internalDeadline: IsoDate | null },
  workingDays: number = DEFAULT_INTERNAL_DEADLINE_DAYS,
  opts: WorkingDayOptions = {},
): IsoDate | null {
  if (app.internalDeadline) return app.internalDeadline;
  return app.eradDeadline ? internalDeadline(app.eradDeadline, workingDays, opts) : null;
}

// The .ics export of the Deadlines screen, written a slice of milestones at a time with a yield between slices, as
// parts (Blob parts for the file API): tens of thousands of events never make one long task or one whole-file string.
import type { CalendarEvent } from '../../../shared/calendar/icalendar';
import { ICALENDAR_TAIL, icalendarEvents, icalendarHead } from '../../../shared/calendar/icalendar';
import type { Milestone, Project } from '../../../shared/domain/types';
import { milestonesToEvents } from '../../../shared/portfolio/deadlines';
import { throwIfCancelled } from '../../store/chunked-write';
import { nextTask } from '../../store/next-task';

/** Milestones turned into events per slice. */
const SLICE = 1000;
/** Main-thread time after which the writer yields. */
const TASK_BUDGET_MS = 30;

export interface IcsJob {
  signal?: AbortSignal | undefined;
  progress?: ((done: number, total: number) => void) | undefined;
}

/** The same text as toICalendar of every milestone's events then `extra`, as encoded parts. */
export async function writeIcsParts(
  items: readonly Milestone[],
  projects: ReadonlyMap<string, Pick<Project, 'code' | 'title'>>,
  extra: readonly CalendarEvent[],
  opts: { calendarName: string; lang: 'ja' | 'en'; now?: Date },
  job: IcsJob = {},
): Promise<Uint8Array[]> {
  const enc = new TextEncoder();
  const now = opts.now ?? new Date();
  const parts = [enc.encode(icalendarHead({ calendarName: opts.calendarName }))];
  let taskStart = performance.now();
  job.progress?.(0, items.length);
  for (let i = 0; i < items.length; i += SLICE) {
    throwIfCancelled(job.signal);
    parts.push(enc.encode(icalendarEvents(milestonesToEvents(items.slice(i, i + SLICE), projects, opts.lang), { now })));
    job.progress?.(Math.min(items.length, i + SLICE), items.length);
    if (performance.now() - taskStart > TASK_BUDGET_MS) {
      await nextTask();
      taskStart = performance.now();
    }
  }
  throwIfCancelled(job.signal);
  parts.push(enc.encode(icalendarEvents(extra, { now }) + ICALENDAR_TAIL));
  return parts;
}

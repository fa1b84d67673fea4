// The .ics export of the Deadlines screen, run in the .ics Worker (ics.worker.ts, called through ics-jobs.ts): the
// open items and projects are read ahead and kept while the data does not change (KeptSnapshot), so a click selects
// the view's items and writes them a slice at a time as encoded parts (Blob parts for the file API), never one
// whole-file string.
import type { CalendarEvent } from '../../../shared/calendar/icalendar';
import { ICALENDAR_TAIL, icalendarEvents, icalendarHead } from '../../../shared/calendar/icalendar';
import type { Milestone, Project } from '../../../shared/domain/types';
import { milestonesToEvents } from '../../../shared/portfolio/deadlines';
import { throwIfCancelled } from '../../store/chunked-write';
import { readDeadlineSource, selectDeadlineItems } from '../../store/deadline-queries';
import type { DeadlineSource } from '../../store/deadline-queries';
import { KeptSnapshot } from '../../store/kept-snapshot';
import { nextTask } from '../../store/next-task';
import { transferred } from '../../platform/worker-client';
import type { IcsAnswer, IcsRequest, IcsWorkerApi } from './ics-jobs';

/** Milestones turned into events per slice. */
const SLICE = 1000;
/** Time after which the writer yields (to the Worker's messages, or to the page when run there). */
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
  opts: { calendarName: string; lang: 'ja' | 'en'; now?: Date | undefined },
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

/** The .ics of the view (or of the selected items in it) in `source`, then `extra`; no parts when there is nothing to write. */
export async function writeIcsFile(source: DeadlineSource, req: IcsRequest, job: IcsJob = {}): Promise<IcsAnswer> {
  const { items, projects } = selectDeadlineItems(source, req.today, req.view, new Set(req.ids), req.scope);
  if (items.length === 0 && req.extra.length === 0) return { parts: [], milestones: 0 };
  const now = req.now === undefined ? undefined : new Date(req.now);
  const parts = await writeIcsParts(items, projects, req.extra, { calendarName: req.calendarName, lang: req.lang, now }, job);
  return { parts, milestones: items.length };
}

/** The Worker's side: the source read once and kept until a write moves the store's revision. */
export function icsWorkerApi(read: () => Promise<DeadlineSource> = readDeadlineSource): IcsWorkerApi {
  const source = new KeptSnapshot(read);
  return {
    async prepare() {
      await source.current();
    },
    async write(req, onProgress) {
      void onProgress(0, 0);
      const answer = await writeIcsFile(await source.current(), req, { progress: (d, t) => void onProgress(d, t) });
      return transferred(answer, answer.parts.map((p) => p.buffer as ArrayBuffer));
    },
  };
}

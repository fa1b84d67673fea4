// The .ics export runs in a Worker of its own (ics.worker.ts) through the one Worker client: at 50,000 projects
// reading 100,000 open items and their projects was a task of seconds on the page. The Worker is kept while the
// Deadlines screen is open and reads ahead (again after each write to the data), so a click only selects and writes;
// the page sends the query, the file comes back as parts (moved, not copied), and a cancel ends the Worker.
import { useCallback, useEffect, useMemo } from 'react';
import type { CalendarEvent } from '../../../shared/calendar/icalendar';
import type { IsoDate } from '../../../shared/domain/types';
import type { DeadlineScope, DeadlineView } from '../../store/deadline-queries';
import { useTablesChanged } from '../../store/dashboard-data';
import { callback, WorkerClient } from '../../platform/worker-client';

/** What to export: a view of the Deadlines screen (narrowed to `ids` when some are selected), then `extra`. */
export interface IcsRequest {
  today: IsoDate;
  view: DeadlineView;
  scope: DeadlineScope;
  /** The selected items (empty: every open item of the view). */
  ids: readonly string[];
  /** Events written after the milestones (tracked calls, applications' deadlines). */
  extra: readonly CalendarEvent[];
  calendarName: string;
  lang: 'ja' | 'en';
  /** DTSTAMP as an ISO instant (tests); default the time of writing. */
  now?: string | undefined;
}

export interface IcsAnswer {
  /** The file's encoded parts; none when the view had nothing to write. */
  parts: Uint8Array[];
  /** Milestones written. */
  milestones: number;
}

export interface IcsWorkerApi {
  /** Reads the open items and projects ahead (kept until the store's revision moves). */
  prepare(): Promise<void>;
  write(req: IcsRequest, onProgress: (done: number, total: number) => void): Promise<IcsAnswer>;
}

interface Job {
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
}

function startWorker(): Worker {
  return new Worker(new URL('./ics.worker.ts', import.meta.url), { type: 'module' });
}

/** A client whose Worker has read ahead; `write` runs after that read (calls run in order); cancelling ends the Worker. */
export function icsClient(start: () => Worker = startWorker): { prepare(): void; write(req: IcsRequest, job: Job): Promise<IcsAnswer>; terminate(): void } {
  const client = new WorkerClient<IcsWorkerApi>(start);
  return {
    prepare: () => void client.call((w) => w.prepare()).catch(() => undefined),
    write: (req, job) => client.call((w) => w.write(req, callback(job.progress)), { signal: job.signal }),
    terminate: () => client.terminate(),
  };
}

/** After a write the Worker reads again once the data has been still this long (a burst of edits is one read). */
const REREAD_AFTER_MS = 2000;
/** The first read waits until the screen has shown its view and stayed on it this long: the read takes the whole
 * store's open items and projects (seconds at 50,000 projects), and IndexedDB served the screen's own queries behind it. */
const FIRST_READ_AFTER_MS = 1000;

/**
 * The screen's .ics writer: its Worker started with the screen, reading ahead once the screen shows its view
 * (`shown`; a view being switched to defers the read again), and again after writes.
 */
export function useIcsExport(shown: boolean): (req: IcsRequest, job: Job) => Promise<IcsAnswer> {
  const client = useMemo(() => icsClient(), []);
  useEffect(() => () => client.terminate(), [client]);
  const stamp = useTablesChanged(['projects', 'milestones']);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => client.prepare(), stamp === 0 ? FIRST_READ_AFTER_MS : REREAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [client, stamp, shown]);
  return useCallback((req, job) => client.write(req, job), [client]);
}

// Asks the page's reports Worker (renderer/workers/reports.ts, shared with the Dashboard's summary, which reads the big
// tables at start) for the Reports screen's reports: the snapshot of the data it keeps and the reports built from it
// outlive the screen. A visit asks it again and, when no write moved the store's revision since, it answers from memory
// (issue 14: a fresh Worker per visit read and aggregated 250,000 records each time). The reports workbook is written
// by the same Worker, from the reports it keeps.
import { startTransition, useCallback, useEffect, useState } from 'react';
import { useTablesChanged } from '../../store/dashboard-data';
import type { WatchedTable } from '../../store/dashboard-data';
import { callback, WorkerEndedError } from '../../platform/worker-client';
import { reportsClient } from '../../workers/reports';
import type { ReportAnswer, ReportRequest, WorkbookRequest } from '../../workers/reports';

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs', 'applications'];

/**
 * A long job's handle (job-runner.ts). A workbook is one synchronous write in the Worker that cannot be stopped
 * midway, so cancelling ends the Worker (and its snapshot, the Dashboard's summary's too); the next request starts a
 * new one, which reads again.
 */
interface WorkbookJob {
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
}

/** The answer for `query` (the last one while the next is computed; `current` says whether it is this query's), and
 * the workbook of the data as stored when it is asked for. */
export function useReport(query: ReportRequest): {
  answer: ReportAnswer | undefined;
  current: boolean;
  writeWorkbook: (request: WorkbookRequest, job: WorkbookJob) => Promise<Uint8Array>;
} {
  const stamp = useTablesChanged(WATCHED);
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; stamp: number; answer: ReportAnswer } | undefined>(undefined);
  // Asks again when a request was lost because its Worker ended under it (a workbook cancelled meanwhile).
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    let live = true;
    // `stamp` only asks again: the Worker itself reads again whatever changed.
    reportsClient()
      // A request overtaken while queued behind another (a newer one, or the screen left) is never sent.
      .call((w) => (live ? w.build(JSON.parse(key) as ReportRequest) : Promise.reject(new Error('superseded'))))
      .then(
        (answer) => {
          // A transition: React renders the screen's tables and charts (hundreds of rows) in slices that yield to the
          // browser, instead of one task of half a second at 10,000 projects.
          if (live) startTransition(() => setState({ key, stamp, answer }));
        },
        (err: unknown) => {
          if (!live) return;
          if (err instanceof WorkerEndedError && err.reason === 'cancelled') setRetry((n) => n + 1);
          else console.error('Report failed', err instanceof Error ? err.message : err);
        },
      );
    return () => {
      live = false;
    };
  }, [key, stamp, retry]);
  const writeWorkbook = useCallback((request: WorkbookRequest, job: WorkbookJob) => reportsClient().call((w) => w.workbook(request, callback(job.progress)), { signal: job.signal }), []);
  return { answer: state?.answer, current: state?.key === key && state.stamp === stamp, writeWorkbook };
}

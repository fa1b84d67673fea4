// Runs the Reports screen's Worker (report.worker.ts): one Worker kept while the screen is open (it keeps its
// snapshot of the data and the reports built from it), asked again when the request or the data changes; the newest
// answer wins. The reports workbook is written by the same Worker, from the reports it keeps.
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { useTablesChanged } from '../../store/dashboard-data';
import type { WatchedTable } from '../../store/dashboard-data';
import { callback, WorkerClient } from '../../platform/worker-client';
import type { ReportAnswer, ReportApi, ReportRequest, WorkbookRequest } from './report-protocol';

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs', 'applications'];

/** A long job's handle (job-runner.ts): cancelling ends the Worker, which the next request starts again. */
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
  const client = useMemo(() => new WorkerClient<ReportApi>(() => new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' })), []);
  useEffect(() => () => client.terminate(), [client]);
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; stamp: number; answer: ReportAnswer } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // `stamp` only asks again: the Worker itself reads again whatever changed.
    client.call((w) => w.build(JSON.parse(key) as ReportRequest)).then(
      (answer) => {
        // A transition: React renders the screen's tables and charts (hundreds of rows) in slices that yield to the
        // browser, instead of one task of half a second at 10,000 projects.
        if (live) startTransition(() => setState({ key, stamp, answer }));
      },
      (err: unknown) => {
        if (live) console.error('Report failed', err instanceof Error ? err.message : err);
      },
    );
    return () => {
      live = false;
    };
  }, [client, key, stamp]);
  const writeWorkbook = useCallback(
    (request: WorkbookRequest, job: WorkbookJob) => client.call((w) => w.workbook(request, callback(job.progress)), { signal: job.signal }),
    [client],
  );
  return { answer: state?.answer, current: state?.key === key && state.stamp === stamp, writeWorkbook };
}

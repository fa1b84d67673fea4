// Runs the Reports screen's Worker (report.worker.ts): one Worker kept while the screen is open (it keeps its
// snapshot of the data between requests), asked again when the request or the data changes; the newest answer wins.
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useTablesChanged } from '../../store/dashboard-data';
import type { WatchedTable } from '../../store/dashboard-data';
import { WorkerClient } from '../../platform/worker-client';
import type { ReportAnswer, ReportApi, ReportRequest } from './report-protocol';

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs', 'applications'];

export type ReportQuery = Omit<ReportRequest, 'stamp'>;

/** The answer for `query` (the last one while the next is computed; `current` says whether it is this query's). The
 * workbook is written by a job of its own (renderer/workers/report-jobs.ts). */
export function useReport(query: ReportQuery): { answer: ReportAnswer | undefined; current: boolean } {
  const stamp = useTablesChanged(WATCHED);
  const client = useMemo(() => new WorkerClient<ReportApi>(() => new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' })), []);
  useEffect(() => () => client.terminate(), [client]);
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; stamp: number; answer: ReportAnswer } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    client.call((w) => w.build({ ...(JSON.parse(key) as ReportQuery), stamp })).then(
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
  return { answer: state?.answer, current: state?.key === key && state.stamp === stamp };
}

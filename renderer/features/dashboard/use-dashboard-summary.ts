// Runs the dashboard's summary Worker once the first screen is ready and the main thread is idle, and again whenever
// projects, budget lines, milestones or programs change.
import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/domain/types';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import { useTablesChanged } from '../../store/dashboard-data';
import type { WatchedTable } from '../../store/dashboard-data';
import { runInWorker } from '../../platform/worker-client';
import type { DashboardSummary, SummaryApi, SummaryRequest } from './summary-protocol';
import type { PlanningSettings } from '../../../shared/planning/planning-settings';

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs', 'applications'];

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };

function whenIdle(run: () => void): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const h = w.requestIdleCallback(run, { timeout: 1000 });
    return () => w.cancelIdleCallback!(h);
  }
  const h = setTimeout(run, 50);
  return () => clearTimeout(h);
}

/** The risk and totals summary, or undefined until it is computed (`ready`: the first screen's own data is shown). */
export function useDashboardSummary(ready: boolean, programs: readonly CatalogProgram[], today: IsoDate, fiscalYear: number, settings: PlanningSettings): DashboardSummary | undefined {
  const rules = JSON.stringify({ probability: settings.probability, effortThresholdPercent: settings.effortThresholdPercent });
  // Any committed write to the tables the summary reads (here or in another window) asks for a new one.
  const stamp = useTablesChanged(WATCHED);
  const [summary, setSummary] = useState<DashboardSummary | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    // A newer request (or leaving the screen) ends the Worker of the older one, and its late answer is ignored.
    const abort = new AbortController();
    const cancel = whenIdle(() => {
      const start = () => new Worker(new URL('./summary.worker.ts', import.meta.url), { type: 'module' });
      runInWorker<SummaryApi, DashboardSummary>(start, (w) => w.summarise({ today, fiscalYear, programs: [...programs], ...(JSON.parse(rules) as Pick<SummaryRequest, 'probability' | 'effortThresholdPercent'>) }), { signal: abort.signal }).then(
        (s) => {
          if (!abort.signal.aborted) setSummary(s);
        },
        (err: unknown) => {
          if (!abort.signal.aborted) console.error('Dashboard summary failed', err instanceof Error ? err.message : err);
        },
      );
    });
    return () => {
      cancel();
      abort.abort();
    };
  }, [ready, stamp, programs, today, fiscalYear, rules]);
  return summary;
}

// Asks the page's reports Worker (renderer/workers/reports.ts) for the dashboard's summary once the first screen is
// ready and the main thread is idle, and again whenever projects, budget lines, milestones or programs change. One Worker
// for the page's life: it keeps its read and its last summary (reports-model.ts), so coming back to the dashboard with
// nothing written costs a revision check, and the Reports screen's first visit finds the tables read.
import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/domain/types';
import { useTablesChanged } from '../../store/dashboard-data';
import type { WatchedTable } from '../../store/dashboard-data';
import { catalogVersion, reportsClient } from '../../workers/reports';
import type { DashboardSummary, SummaryRequest } from '../../workers/reports';
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
export function useDashboardSummary(ready: boolean, today: IsoDate, fiscalYear: number, settings: PlanningSettings): DashboardSummary | undefined {
  const rules = JSON.stringify({ probability: settings.probability, effortThresholdPercent: settings.effortThresholdPercent });
  // Any committed write to the tables the summary reads (here or in another window) asks for a new one.
  const stamp = useTablesChanged(WATCHED);
  const [summary, setSummary] = useState<DashboardSummary | undefined>(undefined);
  useEffect(() => {
    if (!ready) return;
    // The kept Worker is not ended when a request is overtaken (its snapshot would go with it): a request still queued
    // behind another is dropped before it is sent, and a late answer is ignored.
    let live = true;
    const cancel = whenIdle(() => {
      const req: SummaryRequest = { today, fiscalYear, catalog: catalogVersion(), ...(JSON.parse(rules) as Pick<SummaryRequest, 'probability' | 'effortThresholdPercent'>) };
      reportsClient()
        .call((w) => (live ? w.summarise(req) : Promise.reject(new Error('superseded'))))
        .then(
          (s) => {
            if (live) setSummary(s);
          },
          (err: unknown) => {
            if (live) console.error('Dashboard summary failed', err instanceof Error ? err.message : err);
          },
        );
    });
    return () => {
      cancel();
      live = false;
    };
  }, [ready, stamp, today, fiscalYear, rules]);
  return summary;
}

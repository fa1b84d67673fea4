// Risk flags of every project for the Projects screen, from the risk Worker (risk-flags.worker.ts) through the one
// Worker client: computed again when projects, budget lines, milestones or programs change; the newest answer wins.
import { useEffect, useState } from 'react';
import type { CatalogProgram } from '../../shared/catalog/schema';
import type { IsoDate } from '../../shared/domain/types';
import { flagsByProject } from '../../shared/portfolio/risk-flags';
import type { RiskFlag } from '../../shared/portfolio/risk-flags';
import { useTablesChanged } from '../store/dashboard-data';
import type { WatchedTable } from '../store/dashboard-data';
import { runInWorker } from '../platform/worker-client';

export interface RiskFlagsRequest {
  today: IsoDate;
  programs: CatalogProgram[];
}

export interface RiskFlagsApi {
  flags(req: RiskFlagsRequest): Promise<RiskFlag[]>;
}

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs'];

export interface ProjectRisks {
  list: RiskFlag[];
  byProject: Map<string, RiskFlag[]>;
  /** The flags are computed for the data as it is now (false while the first or a newer answer is on its way). */
  ready: boolean;
}

const NONE: ProjectRisks = { list: [], byProject: new Map(), ready: false };

export function useProjectRisks(programs: readonly CatalogProgram[], today: IsoDate): ProjectRisks {
  const stamp = useTablesChanged(WATCHED);
  const [risks, setRisks] = useState<ProjectRisks>(NONE);
  useEffect(() => {
    const abort = new AbortController();
    const start = () => new Worker(new URL('./risk-flags.worker.ts', import.meta.url), { type: 'module' });
    runInWorker<RiskFlagsApi, RiskFlag[]>(start, (w) => w.flags({ today, programs: [...programs] }), { signal: abort.signal }).then(
      (list) => {
        if (!abort.signal.aborted) setRisks({ list, byProject: flagsByProject(list), ready: true });
      },
      (err: unknown) => {
        if (!abort.signal.aborted) console.error('Risk flags failed', err instanceof Error ? err.message : err);
      },
    );
    return () => abort.abort();
  }, [stamp, programs, today]);
  return risks;
}

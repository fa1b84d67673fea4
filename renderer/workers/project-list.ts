// The Projects screen's risk flags and search texts, from the project-list Worker (project-list.worker.ts) through the
// one Worker client: computed again when projects, budget lines, milestones or programs change; the newest answer wins.
import { useEffect, useState } from 'react';
import type { CatalogProgram } from '../../shared/catalog/schema';
import type { IsoDate } from '../../shared/domain/types';
import { flagsByProject } from '../../shared/portfolio/risk-flags';
import type { RiskFlag } from '../../shared/portfolio/risk-flags';
import { useTablesChanged } from '../store/dashboard-data';
import type { WatchedTable } from '../store/dashboard-data';
import { runInWorker } from '../platform/worker-client';

export interface ProjectListRequest {
  today: IsoDate;
  programs: CatalogProgram[];
}

export interface ProjectListInfo {
  flags: RiskFlag[];
  /** Each live project's search text (`searchText`), with the `updatedAt` it was built from. */
  search: [id: string, updatedAt: string, text: string][];
}

export interface ProjectListApi {
  info(req: ProjectListRequest): Promise<ProjectListInfo>;
}

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs'];

export interface ProjectListExtras {
  risks: { list: RiskFlag[]; byProject: Map<string, RiskFlag[]> };
  /** Search texts by project id, or null until the first answer; a project saved since has an older `updatedAt`. */
  search: Map<string, { updatedAt: string; text: string }> | null;
}

const NONE: ProjectListExtras = { risks: { list: [], byProject: new Map() }, search: null };

export function useProjectListExtras(programs: readonly CatalogProgram[], today: IsoDate): ProjectListExtras {
  const stamp = useTablesChanged(WATCHED);
  const [extras, setExtras] = useState<ProjectListExtras>(NONE);
  useEffect(() => {
    const abort = new AbortController();
    const start = () => new Worker(new URL('./project-list.worker.ts', import.meta.url), { type: 'module' });
    runInWorker<ProjectListApi, ProjectListInfo>(start, (w) => w.info({ today, programs: [...programs] }), { signal: abort.signal }).then(
      ({ flags, search }) => {
        if (abort.signal.aborted) return;
        setExtras({ risks: { list: flags, byProject: flagsByProject(flags) }, search: new Map(search.map(([id, updatedAt, text]) => [id, { updatedAt, text }])) });
      },
      (err: unknown) => {
        if (!abort.signal.aborted) console.error('Project list Worker failed', err instanceof Error ? err.message : err);
      },
    );
    return () => abort.abort();
  }, [stamp, programs, today]);
  return extras;
}

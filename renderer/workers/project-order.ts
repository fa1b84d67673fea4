// The project list's sort keys from the project-list Worker (project-list.worker.ts) through the one Worker client:
// every project ranked per column once per change of the projects table, so a sort click compares integers on the
// main thread instead of running the Japanese collator over every row (about a second at 50,000 projects).
import { useEffect, useState } from 'react';
import { rankIndex } from '../../shared/portfolio/project-order';
import type { SortRanks } from '../../shared/portfolio/project-order';
import { useTablesChanged } from '../store/dashboard-data';
import type { WatchedTable } from '../store/dashboard-data';
import { runInWorker } from '../platform/worker-client';

export interface ProjectOrderApi {
  sortKeys(): Promise<SortRanks>;
}

export interface ProjectSortKeys {
  ranks: SortRanks;
  index: Map<string, number>;
}

const WATCHED: readonly WatchedTable[] = ['projects'];

/** The newest ranks (the previous ones while the next are computed: rows changed since sort exactly anyway), or null. */
export function useProjectSortKeys(): ProjectSortKeys | null {
  const stamp = useTablesChanged(WATCHED);
  const [keys, setKeys] = useState<ProjectSortKeys | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    const start = () => new Worker(new URL('./project-list.worker.ts', import.meta.url), { type: 'module' });
    runInWorker<ProjectOrderApi, SortRanks>(start, (w) => w.sortKeys(), { signal: abort.signal }).then(
      (ranks) => {
        if (!abort.signal.aborted) setKeys({ ranks, index: rankIndex(ranks) });
      },
      (err: unknown) => {
        if (!abort.signal.aborted) console.error('Project sort keys failed', err instanceof Error ? err.message : err);
      },
    );
    return () => abort.abort();
  }, [stamp]);
  return keys;
}

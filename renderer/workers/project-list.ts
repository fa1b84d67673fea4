// The Projects screen's search texts and risk flags, from the project-list Worker (project-list.worker.ts) through the
// one Worker client: computed again when projects, budget lines, milestones or programs change. They come a slice at
// a time, each slice its own short task, so a keystroke never waits behind one 50,000-entry answer.
import { useEffect, useMemo, useState } from 'react';
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

/** A live project's search text (`searchText`), with the `updatedAt` it was built from. */
export type SearchEntry = [id: string, updatedAt: string, text: string];

/** Search texts first (prepared, then fetched a slice at a time), then the risk flags the same way. */
export interface ProjectListApi {
  /** Reads the projects and builds the live ones' search texts, kept in the Worker; returns how many. */
  prepareSearch(req: ProjectListRequest): Promise<number>;
  searchSlice(from: number, to: number): Promise<SearchEntry[]>;
  /** Computes the risk flags of the projects read above (budget lines and milestone facts read now); returns how many. */
  prepareRisks(req: ProjectListRequest): Promise<number>;
  riskSlice(from: number, to: number): Promise<RiskFlag[]>;
}

/** Entries per message: a slice's structured clone and its Map inserts are a few milliseconds of main-thread work. */
export const LIST_SLICE = 2_500;

/**
 * Search texts by project id, filled a slice at a time while the list is in use. A text is given only for the row it
 * was built from (same `updatedAt`); the list builds any other itself with the same function, so which of the two a
 * keystroke finds never changes its result, and a slice arriving needs no new render or filtering.
 */
export class SearchTexts {
  private readonly byId = new Map<string, { updatedAt: string; text: string }>();

  add(entries: readonly SearchEntry[]): void {
    for (const [id, updatedAt, text] of entries) this.byId.set(id, { updatedAt, text });
  }

  get(id: string, updatedAt: string): string | undefined {
    const hit = this.byId.get(id);
    return hit && hit.updatedAt === updatedAt ? hit.text : undefined;
  }
}

/**
 * Fetches both answers from a Worker that serves ProjectListApi: the search texts into `search` slice by slice, then
 * every risk flag, handed to `onRisks` once complete. Stops between slices once `cancelled()`.
 */
export async function loadProjectListExtras(
  w: ProjectListApi,
  req: ProjectListRequest,
  search: SearchTexts,
  onRisks: (flags: RiskFlag[]) => void,
  cancelled: () => boolean,
  slice = LIST_SLICE,
): Promise<void> {
  const texts = await w.prepareSearch(req);
  for (let i = 0; i < texts; i += slice) {
    if (cancelled()) return;
    search.add(await w.searchSlice(i, i + slice));
  }
  if (cancelled()) return;
  const count = await w.prepareRisks(req);
  const flags: RiskFlag[] = [];
  for (let i = 0; i < count; i += slice) {
    if (cancelled()) return;
    for (const f of await w.riskSlice(i, i + slice)) flags.push(f);
  }
  if (!cancelled()) onRisks(flags);
}

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs'];

export interface ProjectListExtras {
  risks: { list: RiskFlag[]; byProject: Map<string, RiskFlag[]> };
  /** The Worker's search texts so far (see SearchTexts); the same object while the program names stay the same. */
  search: SearchTexts;
}

const NO_RISKS: ProjectListExtras['risks'] = { list: [], byProject: new Map() };

export function useProjectListExtras(programs: readonly CatalogProgram[], today: IsoDate): ProjectListExtras {
  const stamp = useTablesChanged(WATCHED);
  // Kept across data changes (each text is checked against its row's updatedAt); a new one when program names may
  // have changed, since a text holds its program's name (adjusted during render, as React recommends over an effect).
  const [held, setHeld] = useState(() => ({ programs, search: new SearchTexts() }));
  let search = held.search;
  if (held.programs !== programs) {
    search = new SearchTexts();
    setHeld({ programs, search });
  }
  const [risks, setRisks] = useState(NO_RISKS);
  useEffect(() => {
    const abort = new AbortController();
    const start = () => new Worker(new URL('./project-list.worker.ts', import.meta.url), { type: 'module' });
    const req = { today, programs: [...programs] };
    const onRisks = (flags: RiskFlag[]) => setRisks({ list: flags, byProject: flagsByProject(flags) });
    runInWorker<ProjectListApi, void>(start, (w) => loadProjectListExtras(w, req, search, onRisks, () => abort.signal.aborted), { signal: abort.signal }).catch(
      (err: unknown) => {
        if (!abort.signal.aborted) console.error('Project list Worker failed', err instanceof Error ? err.message : err);
      },
    );
    return () => abort.abort();
  }, [stamp, programs, today, search]);
  return useMemo(() => ({ risks, search }), [risks, search]);
}

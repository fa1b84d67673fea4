// The project-list Worker's protocol and the page's side of it (Projects and Timeline): the Worker
// (project-list.worker.ts, logic in project-list-model.ts) reads and keeps every project; a screen asks it for the order
// of the rows it shows (a transferred Int32Array of positions) and the rows in view, so the main thread never reads,
// clones, sorts or filters the whole table. One Worker for the page's life, through the one Worker client.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IsoDate, Milestone, Project } from '../../shared/domain/types';
import { EMPTY_FILTER } from '../../shared/portfolio/project-query';
import type { ProjectFilter, SortKey } from '../../shared/portfolio/project-query';
import type { RiskFlag } from '../../shared/portfolio/risk-flags';
import { todayIso } from '../../shared/calendar/fiscal-year';
import { stringAt } from '../../shared/collections/packed-strings';
import type { PackedStrings } from '../../shared/collections/packed-strings';
import { useTablesChanged, watchTables } from '../store/dashboard-data';
import type { WatchedTable } from '../store/dashboard-data';
import { WorkerClient, callback } from '../platform/worker-client';
import { markerPositions } from '../features/timeline/timeline-layout';

export interface LoadRequest {
  /**
   * The page's count of writes to the watched tables (the programs among them): a snapshot is read again when it
   * moved. The Worker reads the programs itself with the projects, so a screen's catalog (the built-in programs until
   * its own read comes) never changes the key: with 5,000 stored programs each open read and ranked every project twice.
   */
  generation: number;
  today: IsoDate;
}

/** What a screen keeps of one snapshot of the projects table (positions index `ids` and `codes`). */
export interface ListSnapshot {
  version: number;
  generation: number;
  /** Packed (shared/collections/packed-strings.ts): 100,000 strings cost the page a 50–85 ms task to receive. */
  ids: PackedStrings;
  codes: PackedStrings;
  /** Projects not in the trash. */
  live: number;
  departments: string[];
  pis: string[];
}

export interface ListSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The order the Projects screen opens with (管理番号 ascending), which the read-ahead prepares. */
export const FIRST_SORT: ListSort = { key: 'code', dir: 'asc' };

export interface ListQuery {
  version: number;
  filter: ProjectFilter;
  sort: ListSort;
  /** The rows in view (indexes into the answer's order) sent with the answer. */
  from: number;
  to: number;
}

export interface ListRow {
  /** Position in the snapshot. */
  at: number;
  project: Project;
  flags: RiskFlag[];
}

export interface ListAnswer {
  version: number;
  filter: ProjectFilter;
  sort: ListSort;
  /** Positions of the rows passing the filter, in the sort's order. */
  order: Int32Array;
  from: number;
  rows: ListRow[];
  risksReady: boolean;
}

export interface TimelineQuery {
  version: number;
  showArchived: boolean;
  lang: 'ja' | 'en';
  unmappedLabel: string;
  currentFy: number;
}

export interface TimelineGroup {
  programId: string | null;
  label: string;
  count: number;
  period: { start: number | null; end: number | null };
}

export interface TimelineAnswer {
  version: number;
  showArchived: boolean;
  /** Per row: a project's position, or -(g+1) for the header of group g. */
  items: Int32Array;
  /** Per row: its group's index. */
  groupOf: Int32Array;
  groups: TimelineGroup[];
  count: number;
  span: { first: number; last: number };
}

/** What a Timeline marker shows of a milestone. */
export type TimelineMarker = Pick<Milestone, 'id' | 'kind' | 'title' | 'dueDate' | 'status'>;

export interface ProjectListApi {
  /** Reads the projects (unless this generation's snapshot is held) and starts preparing texts, ranks and risks. */
  load(req: LoadRequest, onRisks?: () => void): Promise<ListSnapshot>;
  /** null: that snapshot is no longer held (read again). */
  list(q: ListQuery): Promise<ListAnswer | null>;
  rows(version: number, at: number[]): Promise<ListRow[] | null>;
  flagsOf(id: string): Promise<RiskFlag[]>;
  timeline(q: TimelineQuery): Promise<TimelineAnswer | null>;
  /** The milestone markers of the projects at these positions (in that order), read once per snapshot; null: not held. */
  markers(version: number, at: number[]): Promise<TimelineMarker[][] | null>;
}

const WATCHED: readonly WatchedTable[] = ['projects', 'budgetLines', 'milestones', 'programs'];

let client: WorkerClient<ProjectListApi> | null = null;
let generation = 0;
let held: { key: string; header: ListSnapshot } | null = null;
const risksListeners = new Set<() => void>();

function listClient(): WorkerClient<ProjectListApi> {
  if (!client) {
    watchTables(WATCHED, () => generation++);
    client = new WorkerClient<ProjectListApi>(() => new Worker(new URL('./project-list.worker.ts', import.meta.url), { type: 'module' }));
  }
  return client;
}

const onRisksReady = () => {
  for (const l of risksListeners) l();
};

/** The page's key of one snapshot: a write to a watched table (projects, their lines and milestones, programs) or another day reads again. */
const snapshotKey = (today: IsoDate) => `${generation}\u0001${today}`;

/**
 * Asks the Worker for the current generation's snapshot (read unless it holds it) and keeps its header on the page.
 * The Worker's calls run in turn, so a screen asking while the read-ahead's read is under way waits for that read
 * instead of starting another.
 */
function loadSnapshot(today: IsoDate): { key: string; header: Promise<ListSnapshot> } {
  const c = listClient();
  const key = snapshotKey(today);
  const req: LoadRequest = { generation, today };
  const header = c
    .call((w) => w.load(req, callback(onRisksReady)))
    .then((h) => {
      held = { key, header: h };
      return h;
    });
  return { key, header };
}

/**
 * Reads the projects into the kept Worker before the Projects or Timeline screen is first opened (main.tsx starts it
 * once the app is idle after start), so that open finds them read and its first order ranked. A write made before the
 * open moves the generation, and the screen then asks for a new snapshot as it would have.
 */
export async function readProjectListAhead(): Promise<void> {
  const today = todayIso();
  const c = listClient();
  if (held?.key === snapshotKey(today)) return;
  const header = await loadSnapshot(today).header;
  // The first open's own query, so the Worker has sorted and filtered it once (it keeps both per snapshot).
  await c.call((w) => w.list({ version: header.version, filter: EMPTY_FILTER, sort: FIRST_SORT, from: 0, to: 0 }));
}

/**
 * Has the kept Worker lay out the Timeline's opening query and read the markers of its first rows before the screen is
 * first opened (main.tsx, after readProjectListAhead): the Worker keeps both per snapshot, so that open no longer waits
 * for the layout (every project grouped and ordered) and an IndexedDB read of milestones. A write made before the open
 * moves the generation, and the screen then asks for a new snapshot as it would have.
 */
export async function readTimelineAhead(q: Omit<TimelineQuery, 'version'>): Promise<void> {
  // Only on the snapshot the project list's read-ahead holds: after a write the screens read again anyway.
  const header = held?.key === snapshotKey(todayIso()) ? held.header : null;
  if (!header) return;
  const c = listClient();
  const answer = await c.call((w) => w.timeline({ ...q, version: header.version }));
  // The screen opens scrolled to the top: the markers it asks first are those of the rows from 0.
  if (answer) await c.call((w) => w.markers(header.version, markerPositions(answer.items, 0)));
}

/** The current snapshot's header (kept on the page between screens while no write came), or null while reading. */
export function useProjectListSnapshot(today: IsoDate): { snapshot: ListSnapshot | null; risksStamp: number; reload: () => void } {
  const stamp = useTablesChanged(WATCHED);
  const c = listClient();
  const keyNow = snapshotKey(today);
  const [snapshot, setSnapshot] = useState<ListSnapshot | null>(null);
  const [risksStamp, setRisksStamp] = useState(0);
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    const l = () => setRisksStamp((n) => n + 1);
    risksListeners.add(l);
    return () => void risksListeners.delete(l);
  }, []);
  useEffect(() => {
    let live = true;
    if (held?.key === snapshotKey(today)) return;
    loadSnapshot(today).header.then(
      (header) => {
        if (live) setSnapshot(header);
      },
      (err: unknown) => console.error('Project list Worker failed', err instanceof Error ? err.message : err),
    );
    return () => {
      live = false;
    };
  }, [c, stamp, today, retry]);
  const reload = useCallback(() => {
    held = null;
    setRetry((n) => n + 1);
  }, []);
  // The snapshot held for this generation (another screen, or the read-ahead, read it) before this screen's own answer.
  return { snapshot: held?.key === keyNow ? held.header : snapshot, risksStamp, reload };
}

/**
 * Rows fetched from the Worker by position, for one snapshot (`version`), beginning with those an answer brought
 * (`seed`); `need` asks for the missing ones (a re-render follows).
 */
export function useListRows(version: number | null, risksStamp: number, seed: readonly ListRow[] = NO_ROWS) {
  // A new cache per snapshot, and when the risk flags arrived (rows carry their flags).
  const cache = useMemo(() => new RowCache(version ?? -1, risksStamp), [version, risksStamp]);
  const seeded = useMemo(() => new Map(seed.map((r) => [r.at, r])), [seed]);
  // Bumped when fetched rows arrive: `get` is then a new function, so memoised tables render the new rows.
  const [tick, setTick] = useState(0);
  const need = useCallback(
    (at: readonly number[]) => {
      const missing = cache.claim(at.filter((i) => !seeded.has(i)));
      if (missing.length === 0) return;
      const v = cache.version;
      listClient()
        .call((w) => w.rows(v, missing))
        .then(
          (rows) => {
            cache.settle(missing);
            if (rows) {
              cache.put(v, rows);
              setTick((n) => n + 1);
            }
          },
          (err: unknown) => console.error('Project rows failed', err instanceof Error ? err.message : err),
        );
    },
    [cache, seeded],
  );
  const get = useMemo(() => {
    void tick;
    return (at: number) => seeded.get(at) ?? cache.get(at);
  }, [cache, seeded, tick]);
  return { get, need };
}

const NO_ROWS: ListRow[] = [];

/** Rows of one snapshot by position, and the positions asked for and not yet come. */
class RowCache {
  private readonly rows = new Map<number, ListRow>();
  private readonly pending = new Set<number>();

  constructor(
    readonly version: number,
    readonly risksStamp: number,
  ) {}

  put(version: number, rows: readonly ListRow[]): void {
    if (version === this.version) for (const r of rows) this.rows.set(r.at, r);
  }

  get(at: number): ListRow | undefined {
    return this.rows.get(at);
  }

  /** The positions neither held nor asked for, now marked as asked for. */
  claim(at: readonly number[]): number[] {
    if (this.version < 0) return [];
    const missing = at.filter((i) => !this.rows.has(i) && !this.pending.has(i));
    for (const i of missing) this.pending.add(i);
    return missing;
  }

  settle(at: readonly number[]): void {
    for (const i of at) this.pending.delete(i);
  }
}

/**
 * The answer for the filter and sort asked (the newest one answered; earlier ones still queued are skipped), with the
 * rows in `view()`, and the snapshot it indexes. After a write the last answer stays shown with its own
 * snapshot until the new one's answer comes, so the list never empties meanwhile. A screen shows the filter and sort
 * of the answer, never of the input alone.
 */
export function useListAnswer(
  snapshot: ListSnapshot | null,
  filter: ProjectFilter,
  sort: ListSort,
  risksStamp: number,
  /** Stable: read when a query is sent. */
  view: () => { from: number; to: number },
  reload: () => void,
): { answer: ListAnswer; snapshot: ListSnapshot } | null {
  const [shown, setShown] = useState<{ answer: ListAnswer; snapshot: ListSnapshot } | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    if (!snapshot) return;
    const seq = ++asked.current;
    const { from, to } = view();
    const q: ListQuery = { version: snapshot.version, filter, sort, from, to };
    listClient()
      .call((w) => (seq === asked.current ? w.list(q) : Promise.resolve(undefined)))
      .then(
        (a) => {
          if (a === undefined || seq !== asked.current) return;
          if (a === null) return reload();
          setShown({ answer: a, snapshot });
        },
        (err: unknown) => console.error('Project list query failed', err instanceof Error ? err.message : err),
      );
  }, [snapshot, filter, sort, risksStamp, view, reload]);
  return shown;
}

/** The Timeline's rows (groups and projects' positions) and the snapshot they index; the last ones while asked again. */
export function useTimelineAnswer(snapshot: ListSnapshot | null, q: Omit<TimelineQuery, 'version'>, reload: () => void): { answer: TimelineAnswer; snapshot: ListSnapshot } | null {
  const [shown, setShown] = useState<{ answer: TimelineAnswer; snapshot: ListSnapshot } | null>(null);
  const { showArchived, lang, unmappedLabel, currentFy } = q;
  useEffect(() => {
    if (!snapshot) return;
    let live = true;
    const query: TimelineQuery = { version: snapshot.version, showArchived, lang, unmappedLabel, currentFy };
    listClient()
      .call((w) => w.timeline(query))
      .then(
        (a) => {
          if (!live) return;
          if (a === null) return reload();
          setShown({ answer: a, snapshot });
        },
        (err: unknown) => console.error('Timeline query failed', err instanceof Error ? err.message : err),
      );
    return () => {
      live = false;
    };
  }, [snapshot, showArchived, lang, unmappedLabel, currentFy, reload]);
  return shown;
}

/**
 * The Timeline's markers of the projects at some positions of a snapshot, by project id (one call, answered from what
 * the Worker read for that snapshot); the last answer while another is asked, undefined before the first. A write to
 * the milestones moves the generation, so the screen's next snapshot asks again and gets the written markers.
 */
export function useTimelineMarkers(snapshot: ListSnapshot | null, at: readonly number[], reload: () => void): Map<string, TimelineMarker[]> | undefined {
  const [shown, setShown] = useState<Map<string, TimelineMarker[]> | undefined>(undefined);
  const key = at.join(',');
  useEffect(() => {
    if (!snapshot) return;
    let live = true;
    const asked = key ? key.split(',').map(Number) : [];
    listClient()
      .call((w) => w.markers(snapshot.version, asked))
      .then(
        (m) => {
          if (!live) return;
          if (m === null) return reload();
          setShown(new Map(asked.map((p, i) => [stringAt(snapshot.ids, p)!, m[i]!])));
        },
        (err: unknown) => console.error('Timeline markers failed', err instanceof Error ? err.message : err),
      );
    return () => {
      live = false;
    };
  }, [snapshot, key, reload]);
  return shown;
}

/** A project's risk flags (computed in the Worker with the rest), [] until known. */
export function useRiskFlagsOf(id: string | null, risksStamp: number): RiskFlag[] {
  const [flags, setFlags] = useState<{ id: string; flags: RiskFlag[] } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    listClient()
      .call((w) => w.flagsOf(id))
      .then(
        (f) => live && setFlags({ id, flags: f }),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [id, risksStamp]);
  return flags && flags.id === id ? flags.flags : NO_FLAGS;
}

const NO_FLAGS: RiskFlag[] = [];

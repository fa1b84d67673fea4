// The project-list Worker's side, apart from the Worker file so tests run it without a Worker: it reads every project
// itself, keeps them, and answers the Projects and Timeline screens with the order of the rows they show (positions in
// a transferred Int32Array) and only the rows in view, so the page never reads nor clones the whole table.
import type { BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { computeRiskFlags, flagsByProject } from '../../shared/portfolio/risk-flags';
import type { MilestoneFacts, RiskFlag } from '../../shared/portfolio/risk-flags';
import { ProjectFilterMemo, distinctValues, searchText } from '../../shared/portfolio/project-query';
import type { SortKey } from '../../shared/portfolio/project-query';
import { RANKED_KEYS, rankColumnInSlices, sortByRanks } from '../../shared/portfolio/project-order';
import type { RankedKey, SortRanks } from '../../shared/portfolio/project-order';
import { buildRows, fiscalSpan } from '../features/timeline/timeline-layout';
import { packStrings } from '../../shared/collections/packed-strings';
import type { ProgramEntry } from '../store/catalog';
import type { ListAnswer, ListQuery, ListRow, ListSnapshot, LoadRequest, ProjectListApi, TimelineAnswer, TimelineMarker, TimelineQuery } from './project-list';

export interface ProjectListReads {
  projects(): Promise<Project[]>;
  /** The catalog (built-in and stored programs): names for the search texts, groups and rules for the Timeline and risk flags. */
  programs(): Promise<ProgramEntry[]>;
  besidesProjects(): Promise<{ budgetLines: BudgetLine[]; milestoneFacts: MilestoneFacts }>;
  /** The milestones of these projects, in that order (the Timeline's markers). */
  milestonesOf(projectIds: readonly string[]): Promise<Milestone[][]>;
}

/** Rows handled between two pauses of the background work (search texts, risk flags). */
const SLICE = 1_000;

/**
 * The background preparation waits until the page has asked nothing for this long: while the user types, each
 * keystroke's query finds the Worker idle and the page's render has the CPU (2 cores: page, Worker, compositor).
 */
const QUIET_MS = 250;

/** How often background work held for quiet looks whether a query now waits for it. */
const WANTED_POLL_MS = 20;

/** The clock the background work waits by (tests pass their own). */
export interface QuietClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: QuietClock = { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

interface Snapshot {
  header: ListSnapshot;
  key: string;
  all: Project[];
  /** The projects' ids by position (the header carries them packed, for the page). */
  ids: string[];
  updatedAt: string[];
  pos: Map<string, number>;
  texts: (string | undefined)[];
  names: Map<string, string>;
  programs: Map<string, ProgramEntry>;
  programList: ProgramEntry[];
  ranks: Partial<Record<RankedKey, Int32Array>>;
  ranking: Map<RankedKey, Promise<Int32Array>>;
  /** Ranks (and `risks`) a query has waited for: their slices no longer wait for quiet. */
  wanted: Set<RankedKey | 'risks'>;
  risks: Map<string, RiskFlag[]> | null;
  risking: Promise<Map<string, RiskFlag[]>> | null;
  /** Positions of the live projects in each sort's order, by `key:dir`. */
  sorted: Map<string, Int32Array>;
  /** The Timeline's layout by query (each visit asks again; at 50,000 projects a layout took 0.1–1 s of the Worker). */
  timelines: Map<string, TimelineAnswer>;
  /** The Timeline's markers by position, read for the rows it showed (a write moves the generation: a new snapshot). */
  markers: Map<number, TimelineMarker[]>;
  memo: ProjectFilterMemo;
  /** The search text of the project at a position, built on first use. */
  haystackAt: (at: number) => string;
  onRisks: (() => void) | undefined;
  req: LoadRequest;
}

/**
 * `pause` lets the Worker answer messages between slices of background work (a macrotask: setTimeout 0), so a
 * keystroke's query waits at most one slice behind the search texts, ranks and risk flags being prepared.
 */
export function createProjectListModel(read: ProjectListReads, pause: () => Promise<void>, slice = SLICE, clock: QuietClock = realClock): ProjectListApi {
  let snap: Snapshot | null = null;
  let version = 0;
  /** When the page last asked (a query, rows, the Timeline, flags): the background waits for QUIET_MS after it. */
  let askedAt = Number.NEGATIVE_INFINITY;
  const asked = <T>(answer: Promise<T>): Promise<T> => {
    askedAt = clock.now();
    return answer.finally(() => (askedAt = clock.now()));
  };

  /**
   * Between steps of the background preparation: the page's queries first, and none of its CPU while it asks. With
   * `unless`, the wait also ends once it holds (looked at every WANTED_POLL_MS).
   */
  async function quiet(unless?: () => boolean): Promise<void> {
    for (let wait = askedAt + QUIET_MS - clock.now(); wait > 0 && !unless?.(); wait = askedAt + QUIET_MS - clock.now()) {
      await clock.sleep(unless ? Math.min(wait, WANTED_POLL_MS) : wait);
    }
  }

  /**
   * The pause between slices of a step the background started: it also waits for quiet, as between steps, until a
   * query waits for that step's result. A column's ranks begun in a pause before typing (the titles' collator sort:
   * about 1 s of a core at 50,000) otherwise ran through the first keystrokes, which were then 2–8 times slower.
   */
  function slicePause(s: Snapshot, step: RankedKey | 'risks', background: boolean): () => Promise<void> {
    if (!background) return pause;
    return async () => {
      await pause();
      await quiet(() => s.wanted.has(step));
    };
  }

  const current = (s: Snapshot) => snap === s;

  /** `background`: asked by the preparation, not by a query (see slicePause). */
  async function ensureRank(s: Snapshot, key: RankedKey, background = false): Promise<Int32Array> {
    const have = s.ranks[key];
    if (have) return have;
    if (!background) s.wanted.add(key);
    let running = s.ranking.get(key);
    if (!running) {
      running = rankColumnInSlices(s.all, key, slicePause(s, key, background)).then((r) => (s.ranks[key] = r));
      s.ranking.set(key, running);
    }
    return running;
  }

  async function ensureRisks(s: Snapshot, background = false): Promise<Map<string, RiskFlag[]>> {
    if (s.risks) return s.risks;
    if (!background) s.wanted.add('risks');
    const slicePaused = slicePause(s, 'risks', background);
    s.risking ??= (async () => {
      const { budgetLines, milestoneFacts } = await read.besidesProjects();
      const lines = new Map<string, BudgetLine[]>();
      for (const l of budgetLines) {
        const list = lines.get(l.projectId);
        if (list) list.push(l);
        else lines.set(l.projectId, [l]);
      }
      const flags: RiskFlag[] = [];
      for (let i = 0; i < s.all.length; i += slice) {
        const part = s.all.slice(i, i + slice);
        const sliceLines = part.flatMap((p) => lines.get(p.id) ?? []);
        for (const f of computeRiskFlags({ projects: part, budgetLines: sliceLines, milestoneFacts, programs: s.programList, today: s.req.today })) flags.push(f);
        await slicePaused();
      }
      s.risks = flagsByProject(flags);
      s.sorted.delete('risks:asc');
      s.sorted.delete('risks:desc');
      return s.risks;
    })();
    return s.risking;
  }

  /**
   * Texts, then every column's ranks, then the risk flags: all before the user asks for most of them. The texts come
   * first, their slices taking turns with those of the 管理番号 ranks the first answer sorts by: typing starts as soon
   * as that answer shows its count, and a keystroke that found texts missing built them all itself (50,000 NFKC folds).
   * Each column's ranks and the risk flags first wait for QUIET_MS without a query (`quiet`).
   */
  async function prepare(s: Snapshot): Promise<void> {
    for (let i = 0; i < s.all.length; i += slice) {
      if (!current(s)) return;
      for (let j = i; j < Math.min(s.all.length, i + slice); j++) s.haystackAt(j);
      await pause();
    }
    for (const key of RANKED_KEYS) {
      await quiet();
      if (!current(s)) return;
      await ensureRank(s, key, true);
    }
    await quiet();
    if (!current(s)) return;
    await ensureRisks(s, true);
    if (current(s)) s.onRisks?.();
  }

  async function sortedFor(s: Snapshot, key: SortKey, dir: 'asc' | 'desc'): Promise<Int32Array> {
    const cacheKey = `${key}:${dir}`;
    const hit = s.sorted.get(cacheKey);
    if (hit) return hit;
    const codes = await ensureRank(s, 'code');
    const primary = key === 'risks' ? null : await ensureRank(s, key);
    const risks = key === 'risks' ? await ensureRisks(s) : null;
    const ranks = { ids: s.ids, updatedAt: s.updatedAt, ranks: { ...s.ranks, code: codes, ...(primary && key !== 'risks' ? { [key]: primary } : {}) } } as SortRanks;
    const live = s.all.filter((p) => !p.deletedAt);
    const out = Int32Array.from(sortByRanks(live, key, dir, ranks, s.pos, (p) => risks?.get(p.id)?.length ?? 0), (p) => s.pos.get(p.id)!);
    s.sorted.set(cacheKey, out);
    return out;
  }

  function row(s: Snapshot, at: number): ListRow {
    const project = s.all[at]!;
    return { at, project, flags: s.risks?.get(project.id) ?? [] };
  }

  const api: ProjectListApi = {
    async load(req, onRisks) {
      const key = JSON.stringify([req.generation, req.today]);
      if (snap && snap.key === key) {
        snap.onRisks = onRisks;
        return snap.header;
      }
      const [all, programList] = await Promise.all([read.projects(), read.programs()]);
      const pos = new Map(all.map((p, i) => [p.id, i]));
      const names = new Map(programList.map((p) => [p.id, p.nameJa]));
      const texts: (string | undefined)[] = new Array(all.length);
      const live = all.filter((p) => !p.deletedAt);
      const ids = all.map((p) => p.id);
      const header: ListSnapshot = {
        version: ++version,
        generation: req.generation,
        ids: packStrings(ids),
        codes: packStrings(all.map((p) => p.code)),
        live: live.length,
        departments: distinctValues(live, 'department'),
        pis: distinctValues(live, 'pi'),
      };
      const s: Snapshot = {
        header, key, all, ids, updatedAt: all.map((p) => p.updatedAt), pos, texts, names, programs: new Map(programList.map((p) => [p.id, p])), programList, ranks: {}, ranking: new Map(), wanted: new Set(), risks: null, risking: null,
        sorted: new Map(), timelines: new Map(), markers: new Map(), memo: new ProjectFilterMemo(), onRisks, req,
        haystackAt: (at) => {
          const p = all[at]!;
          return (texts[at] ??= searchText(p, p.programId ? names.get(p.programId) : undefined));
        },
      };
      snap = s;
      void prepare(s).catch((err: unknown) => console.error('Project list preparation failed', err instanceof Error ? err.message : err));
      return header;
    },

    async list(q: ListQuery): Promise<ListAnswer | null> {
      const s = snap;
      if (!s || s.header.version !== q.version) return null;
      const sorted = await sortedFor(s, q.sort.key, q.sort.dir);
      // The memo keeps its result; the answer moves a copy to the page.
      const order = s.memo.filter(s.all, sorted, q.filter, s.haystackAt).slice();
      const window: ListRow[] = [];
      for (let i = Math.max(0, q.from); i < Math.min(order.length, q.to); i++) window.push(row(s, order[i]!));
      return { version: s.header.version, filter: q.filter, sort: q.sort, order, from: q.from, rows: window, risksReady: s.risks !== null };
    },

    async rows(v, at) {
      const s = snap;
      if (!s || s.header.version !== v) return null;
      return at.map((i) => row(s, i));
    },

    async flagsOf(id) {
      const s = snap;
      if (!s) return [];
      return (await ensureRisks(s)).get(id) ?? [];
    },

    async timeline(q: TimelineQuery): Promise<TimelineAnswer | null> {
      const s = snap;
      if (!s || s.header.version !== q.version) return null;
      // The answer's arrays move to the page: the kept layout answers with copies.
      const key = JSON.stringify([q.showArchived, q.lang, q.unmappedLabel, q.currentFy]);
      const kept = s.timelines.get(key);
      if (kept) return { ...kept, items: kept.items.slice(), groupOf: kept.groupOf.slice() };
      const shown = s.all.filter((p) => !p.deletedAt && (q.showArchived || !p.archived) && p.startDate && p.endDate);
      const codes = await ensureRank(s, 'code');
      const starts = await ensureRank(s, 'startDate');
      const ranks = { ids: s.ids, updatedAt: s.updatedAt, ranks: { ...s.ranks, code: codes, startDate: starts } } as SortRanks;
      const built = buildRows(shown, s.programs, q.lang, q.unmappedLabel, (list) => sortByRanks(list, 'startDate', 'asc', ranks, s.pos));
      const items = new Int32Array(built.length);
      const groupOf = new Int32Array(built.length);
      const groups: TimelineAnswer['groups'] = [];
      for (const [i, r] of built.entries()) {
        if (r.type === 'group') {
          groups.push({ programId: r.programId, label: r.label, count: r.count, period: r.period });
          items[i] = -groups.length;
        } else items[i] = s.pos.get(r.project.id)!;
        groupOf[i] = groups.length - 1;
      }
      const answer: TimelineAnswer = { version: s.header.version, showArchived: q.showArchived, items, groupOf, groups, count: shown.length, span: fiscalSpan(shown, s.programs, q.currentFy) };
      if (current(s)) s.timelines.set(key, answer);
      return { ...answer, items: items.slice(), groupOf: groupOf.slice() };
    },

    async markers(v, at) {
      const s = snap;
      if (!s || s.header.version !== v) return null;
      const missing = at.filter((i) => !s.markers.has(i));
      if (missing.length > 0) {
        const found = await read.milestonesOf(missing.map((i) => s.ids[i]!));
        for (const [k, i] of missing.entries()) s.markers.set(i, found[k]!.map(({ id, kind, title, dueDate, status }) => ({ id, kind, title, dueDate, status })));
      }
      return at.map((i) => s.markers.get(i) ?? []);
    },
  };
  // The search texts are built at once (a keystroke would otherwise build the missing ones itself); the other columns'
  // ranks and the risk flags wait while the page is asking.
  return { ...api, list: (q) => asked(api.list(q)), rows: (v, at) => asked(api.rows(v, at)), flagsOf: (id) => asked(api.flagsOf(id)), timeline: (q) => asked(api.timeline(q)), markers: (v, at) => asked(api.markers(v, at)) };
}

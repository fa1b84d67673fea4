// Project counts by status, kept as one stored row beside the data so the first screen reads one row instead of
// counting 50,000 index entries (IndexedDB has no O(1) count). The store updates them in the same transaction as
// every write; these pure rules say how a write changes them, and when they can no longer be trusted.
import { PROJECT_STATUSES } from '../domain/types';
import type { ProjectStatus } from '../domain/types';

export type StatusCounts = Record<ProjectStatus, number>;

/**
 * The stored counters: `revision` goes up by one with every committed transaction that writes projects, budget lines
 * or milestones (an export read in several transactions compares it to know it saw one state); `byStatus` counts
 * projects not in the trash, or null when unknown (a database from before the counters, or a write the rules cannot
 * follow), in which case the app recounts from the indexes.
 */
export interface PortfolioCounters {
  revision: number;
  byStatus: StatusCounts | null;
  /** Per table, the revision of the last transaction that wrote it; absent for rows from before these were kept. */
  written?: TableRevisions;
}

/** The tables whose writes move the revision. */
export const COUNTED_TABLES = ['projects', 'budgetLines', 'milestones'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/**
 * When each table was last written (a revision), within `epoch`: a counters row started anew (missing, or from before
 * these were kept) starts a new epoch, and a table not written since is unknown, so revisions of two epochs are never
 * compared. A Worker that keeps tables reads again only those written after the revision it read them at.
 */
export interface TableRevisions {
  epoch: string;
  at: Partial<Record<CountedTable, number>>;
}

/** The key of the counters row in the settings table. */
export const COUNTERS_KEY = 'portfolioCounters';

/** What a project row contributes: its status when it counts (exists and is not in the trash). */
interface CountedShape {
  status: ProjectStatus;
  deletedAt?: string | null;
}

export function zeroCounts(): StatusCounts {
  return Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

function countedStatus(p: CountedShape | null | undefined): ProjectStatus | null {
  if (!p || p.deletedAt) return null;
  return (PROJECT_STATUSES as readonly string[]).includes(p.status) ? p.status : null;
}

/** Adds to `delta` the change from `before` to `after` (either missing for an insert or a delete). */
export function addChange(delta: StatusCounts, before: CountedShape | null | undefined, after: CountedShape | null | undefined): void {
  const b = countedStatus(before);
  const a = countedStatus(after);
  if (b === a) return;
  if (b) delta[b] -= 1;
  if (a) delta[a] += 1;
}

/** `base + delta`, or null when the base is unknown or the result is impossible (a negative count). */
export function applyDelta(base: StatusCounts | null, delta: StatusCounts): StatusCounts | null {
  if (!base) return null;
  const out = zeroCounts();
  for (const s of PROJECT_STATUSES) {
    const n = (base[s] ?? 0) + delta[s];
    if (!Number.isInteger(n) || n < 0) return null;
    out[s] = n;
  }
  return out;
}

/** Reads a stored value defensively (it lives in the same table as the office's settings). */
export function readCounters(value: unknown): PortfolioCounters | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { revision?: unknown; byStatus?: unknown };
  if (typeof v.revision !== 'number' || !Number.isInteger(v.revision) || v.revision < 0) return null;
  let byStatus: StatusCounts | null = null;
  if (v.byStatus && typeof v.byStatus === 'object') {
    const raw = v.byStatus as Record<string, unknown>;
    const counts = zeroCounts();
    let ok = true;
    for (const s of PROJECT_STATUSES) {
      const n = raw[s];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) ok = false;
      else counts[s] = n;
    }
    byStatus = ok ? counts : null;
  }
  const written = readWritten((value as { written?: unknown }).written);
  return written ? { revision: v.revision, byStatus, written } : { revision: v.revision, byStatus };
}

function readWritten(value: unknown): TableRevisions | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as { epoch?: unknown; at?: unknown };
  if (typeof v.epoch !== 'string' || !v.at || typeof v.at !== 'object') return undefined;
  const at: TableRevisions['at'] = {};
  for (const t of COUNTED_TABLES) {
    const n = (v.at as Record<string, unknown>)[t];
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) at[t] = n;
  }
  return { epoch: v.epoch, at };
}

/** The revisions after a transaction at `revision` wrote `tables`, continuing `base`'s epoch (or starting one). */
export function nextWritten(base: TableRevisions | undefined, tables: Iterable<CountedTable>, revision: number, newEpoch: () => string): TableRevisions {
  const out: TableRevisions = base ? { epoch: base.epoch, at: { ...base.at } } : { epoch: newEpoch(), at: {} };
  for (const t of tables) out.at[t] = revision;
  return out;
}

/**
 * The tables of `from` (a read at `from.revision`) that may differ in `now`: none at the same revision; all of them
 * unless both carry revisions of one epoch and the revision went forward; otherwise those written after `from.revision` or never since the epoch began.
 */
export function tablesWrittenSince(from: PortfolioCounters, now: PortfolioCounters): CountedTable[] {
  if (now.revision === from.revision) return [];
  const a = from.written;
  const b = now.written;
  if (!a || !b || a.epoch !== b.epoch || now.revision < from.revision) return [...COUNTED_TABLES];
  return COUNTED_TABLES.filter((t) => b.at[t] === undefined || b.at[t] > from.revision);
}

/** Counts projects by status the slow way (the summary Worker checks the stored counters with it). */
export function countByStatus(projects: Iterable<CountedShape>): StatusCounts {
  const out = zeroCounts();
  for (const p of projects) addChange(out, null, p);
  return out;
}

export function sameCounts(a: StatusCounts | null, b: StatusCounts | null): boolean {
  if (!a || !b) return a === b;
  return PROJECT_STATUSES.every((s) => a[s] === b[s]);
}

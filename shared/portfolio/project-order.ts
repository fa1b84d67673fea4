// The project list's sort without the Japanese collator on the main thread: a Worker ranks every project's values once
// per data change (`rankProjects`, one collator sort per column), and a sort click only compares those integers
// (`sortByRanks`). Rows changed since the ranks were taken are compared with the collator itself, so the order stays exact.
import type { Project } from '../domain/types';
import { compareProjects } from './project-query';
import type { SortKey } from './project-query';

/** The columns ranked in advance (the risk column sorts by a count, which needs no collator). */
export const RANKED_KEYS = ['code', 'title', 'pi', 'department', 'programId', 'status', 'startDate', 'endDate', 'updatedAt'] as const;
export type RankedKey = (typeof RANKED_KEYS)[number];

/** Dense ranks by column, -1 for an empty value; index i is the project `ids[i]` as it was at `updatedAt[i]`. */
export interface SortRanks {
  ids: string[];
  updatedAt: string[];
  ranks: Record<RankedKey, Int32Array>;
}

const collator = new Intl.Collator('ja', { numeric: true });

/** Ranks every project's value of each column: equal under the collator, equal rank. */
export function rankProjects(projects: readonly Project[]): SortRanks {
  const ranks = {} as Record<RankedKey, Int32Array>;
  for (const key of RANKED_KEYS) {
    const values = columnValues(projects, key);
    ranks[key] = ranksOf(values, distinctValues(values).sort(collator.compare));
  }
  return { ids: projects.map((p) => p.id), updatedAt: projects.map((p) => p.updatedAt), ranks };
}

/** Rows handled between two pauses by rankColumnInSlices' passes over the column (values, distinct, ranks). */
const RANK_SLICE = 5_000;

/**
 * One column's ranks as rankProjects gives them, every pass done a slice at a time (`pause` between slices): the
 * collator's sort, and the passes over the column's values and its distinct values, each of which took tens of ms at
 * 50,000 projects in one go, so a Worker ranking 50,000 titles still answers its other messages every few milliseconds.
 */
export async function rankColumnInSlices(projects: readonly Project[], key: RankedKey, pause: () => Promise<void>, slice = RANK_SLICE): Promise<Int32Array> {
  const n = projects.length;
  const values = new Array<string>(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    seen.add((values[i] = String(projects[i]![key] ?? '')));
    if ((i + 1) % slice === 0) await pause();
  }
  seen.delete('');
  const distinct = await collatorSorted([...seen], pause, slice);
  const rankOf = new Map<string, number>();
  let rank = -1;
  for (let i = 0; i < distinct.length; i++) {
    const v = distinct[i]!;
    if (i === 0 || collator.compare(distinct[i - 1]!, v) !== 0) rank++;
    rankOf.set(v, rank);
    if ((i + 1) % slice === 0) await pause();
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = v === '' ? -1 : rankOf.get(v)!;
    if ((i + 1) % slice === 0) await pause();
  }
  return out;
}

/** Comparisons of code units a slice: each about a tenth of a collator's. */
const UNIT_BUDGET = 50_000;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Distinct values in the collator's order. Sorted by code unit first and kept when the collator agrees with every
 * neighbour (a list is sorted when each pair of neighbours is): codes with padded numbers and ISO dates are, and the
 * list's first answer waits for the codes' ranks (a collator sort was some 800,000 comparisons at 50,000 projects).
 * Otherwise sorted by the collator.
 */
async function collatorSorted(values: string[], pause: () => Promise<void>, slice: number): Promise<string[]> {
  const byUnit = await sortInSlices(values, byCodeUnit, pause, UNIT_BUDGET);
  for (let i = 1; i < byUnit.length; i++) {
    if (collator.compare(byUnit[i - 1]!, byUnit[i]!) > 0) return sortInSlices(values, collator.compare, pause);
    if (i % slice === 0) await pause();
  }
  return byUnit;
}

function columnValues(projects: readonly Project[], key: RankedKey): string[] {
  return projects.map((p) => String(p[key] ?? ''));
}

function distinctValues(values: readonly string[]): string[] {
  return [...new Set(values)].filter((v) => v !== '');
}

function ranksOf(values: readonly string[], distinct: readonly string[]): Int32Array {
  const rankOf = new Map<string, number>();
  let rank = -1;
  for (const [i, v] of distinct.entries()) {
    if (i === 0 || collator.compare(distinct[i - 1]!, v) !== 0) rank++;
    rankOf.set(v, rank);
  }
  return Int32Array.from(values, (v) => (v === '' ? -1 : rankOf.get(v)!));
}

/**
 * A stable sort (as Array.prototype.sort) by bottom-up merging, awaiting `pause` after about `budget` comparisons:
 * the work of one sort spread over many short tasks. Returns a new array.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, pause: () => Promise<void>, budget = 5_000): Promise<T[]> {
  const n = items.length;
  let src = items.slice();
  let dst = new Array<T>(n);
  let done = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = compare(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
      done += hi - lo;
      if (done >= budget) {
        done = 0;
        await pause();
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Positions of the ranked projects by id (built once per ranks). */
export function rankIndex(ranks: SortRanks): Map<string, number> {
  return new Map(ranks.ids.map((id, i) => [id, i]));
}

/** Past this many rows the packed numeric keys would lose precision: sort with the comparator instead. */
const PACK = 2 ** 17;

/**
 * The same order as `sortProjects` (empty values last in either direction, ties by code ascending, then input order),
 * from the ranks: one typed-array sort of packed integers when every row is ranked as it is now, else a comparator
 * that uses the ranks where both rows have them and the collator only for rows changed since.
 */
export function sortByRanks(
  projects: readonly Project[],
  key: SortKey,
  dir: 'asc' | 'desc',
  ranks: SortRanks,
  index: ReadonlyMap<string, number>,
  riskCount: (p: Project) => number = () => 0,
): Project[] {
  const n = projects.length;
  const at = new Int32Array(n);
  let stale = 0;
  for (let i = 0; i < n; i++) {
    const p = projects[i]!;
    const j = index.get(p.id);
    const fresh = j !== undefined && ranks.updatedAt[j] === p.updatedAt;
    at[i] = fresh ? j : -1;
    if (!fresh) stale++;
  }
  const codes = ranks.ranks.code;
  // The primary value of row i as a non-negative integer, ascending in the sort's direction, empties after all.
  const primary = new Float64Array(n);
  if (key === 'risks') {
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, (primary[i] = riskCount(projects[i]!)));
    if (dir === 'desc') for (let i = 0; i < n; i++) primary[i] = max - primary[i]!;
  } else {
    const values = ranks.ranks[key];
    let max = 0;
    for (let i = 0; i < n; i++) if (at[i]! >= 0) max = Math.max(max, values[at[i]!]!);
    for (let i = 0; i < n; i++) {
      const r = at[i]! >= 0 ? values[at[i]!]! : 0;
      primary[i] = r < 0 ? max + 1 : dir === 'asc' ? r : max - r;
    }
  }
  if (stale === 0 && n < PACK && codes.length < PACK) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (primary[i]! * PACK + Math.max(0, codes[at[i]!]!)) * PACK + i;
    packed.sort();
    const out = new Array<Project>(n);
    for (let i = 0; i < n; i++) out[i] = projects[packed[i]! % PACK]!;
    return out;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const ja = at[a]!;
    const jb = at[b]!;
    if (ja < 0 || jb < 0) return compareProjects(projects[a]!, projects[b]!, key, dir, riskCount);
    return primary[a]! - primary[b]! || codes[ja]! - codes[jb]! || a - b;
  });
  return order.map((i) => projects[i]!);
}

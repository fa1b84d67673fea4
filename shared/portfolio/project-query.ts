// Filtering and sorting the project list in memory: 50,000 rows are read once, then every keystroke filters here.
// A per-project search text is built once per data change, so typing costs one pass of `includes`.
import type { Project, ProjectStatus } from '../domain/types';
import { overlapsFiscalYear } from '../calendar/fiscal-year';

export interface ProjectFilter {
  text: string;
  programId: string | null; // '' = unmapped
  department: string | null;
  pi: string | null;
  status: ProjectStatus | null;
  /** Western fiscal year the project must run in (inclusive dates). */
  activeInFiscalYear: number | null;
  showArchived: boolean;
}

export const EMPTY_FILTER: ProjectFilter = { text: '', programId: null, department: null, pi: null, status: null, activeInFiscalYear: null, showArchived: false };

export type SortKey = 'code' | 'title' | 'pi' | 'department' | 'programId' | 'status' | 'startDate' | 'endDate' | 'updatedAt' | 'risks';

/** Lower-cased, NFKC-folded text that free-text search looks in. */
export function searchText(p: Project, programName?: string): string {
  return [p.code, p.title, p.pi, p.department, p.funderName, programName ?? '', p.amedNumber, p.eradNumber, ...p.tags, ...p.coInvestigators, ...p.partners]
    .join('\u0000').normalize('NFKC').toLowerCase();
}

/** The free-text query's terms, folded as search texts are: a project matches when its text holds every term. */
export function queryTerms(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether every project matching `next` also matches `prev` (terms as queryTerms gives them): each of prev's terms
 * lies inside one of next's, as when typing on. Then next's rows are found among prev's rows alone.
 */
export function refinesQuery(prev: readonly string[], next: readonly string[]): boolean {
  return prev.every((p) => next.some((n) => n.includes(p)));
}

/** Projects passing the filter, in input order. `haystack` gives each project's searchText. */
export function filterProjects(projects: readonly Project[], f: ProjectFilter, haystack: (p: Project) => string): Project[] {
  const terms = queryTerms(f.text);
  return projects.filter((p) => passesMenus(p, f) && (terms.length === 0 || holdsTerms(haystack(p), terms)));
}

/**
 * The same filter over positions into `all` (the project-list Worker's lists): the positions passing, in input order.
 * `haystackAt` gives the searchText of the project at a position, so no row is looked up by id.
 */
export function filterPositions(all: readonly Project[], positions: Int32Array, f: ProjectFilter, haystackAt: (at: number) => string): Int32Array {
  const terms = queryTerms(f.text);
  const out = new Int32Array(positions.length);
  let n = 0;
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i]!;
    if (passesMenus(all[at]!, f) && (terms.length === 0 || holdsTerms(haystackAt(at), terms))) out[n++] = at;
  }
  return out.slice(0, n);
}

function passesMenus(p: Project, f: ProjectFilter): boolean {
  if (p.deletedAt) return false;
  if (!f.showArchived && p.archived) return false;
  if (f.programId !== null && (p.programId ?? '') !== f.programId) return false;
  if (f.department !== null && p.department !== f.department) return false;
  if (f.pi !== null && p.pi !== f.pi) return false;
  if (f.status !== null && p.status !== f.status) return false;
  if (f.activeInFiscalYear !== null && !overlapsFiscalYear(p.startDate, p.endDate, f.activeInFiscalYear)) return false;
  return true;
}

function holdsTerms(h: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!h.includes(t)) return false;
  return true;
}

/**
 * The project list's filtering, remembered per keystroke: the results of the last few texts over one sorted list of
 * positions (and the same menus and haystack) are kept, so typing on filters the rows of the query it refines and
 * deleting back returns a remembered result, instead of a pass over all 50,000 rows each time. Same rows as
 * filterPositions.
 */
export class ProjectFilterMemo {
  private source: Int32Array | null = null;
  private haystackAt: ((at: number) => string) | null = null;
  private menus = '';
  /** By the query's terms joined, oldest first. */
  private readonly results = new Map<string, { terms: string[]; rows: Int32Array }>();

  constructor(private readonly keep = 16) {}

  /** `source`: positions into `all` in the list's order; the answer is the positions passing, in that order. */
  filter(all: readonly Project[], source: Int32Array, f: ProjectFilter, haystackAt: (at: number) => string): Int32Array {
    const menus = JSON.stringify([f.programId, f.department, f.pi, f.status, f.activeInFiscalYear, f.showArchived]);
    if (source !== this.source || haystackAt !== this.haystackAt || menus !== this.menus) {
      this.results.clear();
      this.source = source;
      this.haystackAt = haystackAt;
      this.menus = menus;
    }
    const terms = queryTerms(f.text);
    const key = terms.join(' ');
    const hit = this.results.get(key);
    if (hit) {
      this.results.delete(key);
      this.results.set(key, hit);
      return hit.rows;
    }
    let from = source;
    for (const r of this.results.values()) if (r.rows.length < from.length && refinesQuery(r.terms, terms)) from = r.rows;
    const rows = filterPositions(all, from, f, haystackAt);
    this.results.set(key, { terms, rows });
    if (this.results.size > this.keep) this.results.delete(this.results.keys().next().value!);
    return rows;
  }
}

const collator = new Intl.Collator('ja', { numeric: true });

/** The list's order of two projects: by `key` in `dir`, empty values last in either direction, ties by code ascending. */
export function compareProjects(a: Project, b: Project, key: SortKey, dir: 'asc' | 'desc', riskCount: (p: Project) => number = () => 0): number {
  const value = (p: Project): string | number => (key === 'risks' ? riskCount(p) : (p[key] ?? ''));
  const va = value(a);
  const vb = value(b);
  if (va === '' && vb !== '') return 1;
  if (vb === '' && va !== '') return -1;
  const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
  return c * (dir === 'asc' ? 1 : -1) || collator.compare(a.code, b.code);
}

/** A sorted copy (see compareProjects). `riskCount` serves the risk column. */
export function sortProjects(projects: readonly Project[], key: SortKey, dir: 'asc' | 'desc', riskCount: (p: Project) => number = () => 0): Project[] {
  return [...projects].sort((a, b) => compareProjects(a, b, key, dir, riskCount));
}

/** Distinct non-empty values of a field, sorted, for filter menus. */
export function distinctValues(projects: readonly Project[], field: 'department' | 'pi'): string[] {
  const set = new Set<string>();
  for (const p of projects) if (p[field] && !p.deletedAt) set.add(p[field]);
  return [...set].sort(collator.compare);
}

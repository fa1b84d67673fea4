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

/** Projects passing the filter, in input order. `haystack` gives each project's searchText. */
export function filterProjects(projects: readonly Project[], f: ProjectFilter, haystack: (p: Project) => string): Project[] {
  const terms = f.text.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  return projects.filter((p) => {
    if (p.deletedAt) return false;
    if (!f.showArchived && p.archived) return false;
    if (f.programId !== null && (p.programId ?? '') !== f.programId) return false;
    if (f.department !== null && p.department !== f.department) return false;
    if (f.pi !== null && p.pi !== f.pi) return false;
    if (f.status !== null && p.status !== f.status) return false;
    if (f.activeInFiscalYear !== null && !overlapsFiscalYear(p.startDate, p.endDate, f.activeInFiscalYear)) return false;
    if (terms.length > 0) {
      const h = haystack(p);
      for (const t of terms) if (!h.includes(t)) return false;
    }
    return true;
  });
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

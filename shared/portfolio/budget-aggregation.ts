// Budget totals by program, department and fiscal year: the figures the office reports upward. Pure and shared by
// the dashboard, the Projects screen and the Reports screen so every screen adds up the same way.
import type { BudgetLine, Project } from '../domain/types';

export interface BudgetTotal {
  /** Group key: program id ('' when unmapped), department, or the fiscal year as text. */
  key: string;
  directYen: number;
  indirectYen: number;
  totalYen: number;
  /** Distinct projects contributing. */
  projectCount: number;
}

export type BudgetDimension = 'program' | 'department' | 'year';

/**
 * Sums budget lines (whole yen) grouped by a dimension, optionally limited to one western fiscal year.
 * Lines of projects missing from `projects` or in the trash are left out. Sorted by total descending, then key
 * (years sort ascending).
 */
export function budgetTotals(lines: readonly BudgetLine[], projects: readonly Pick<Project, 'id' | 'programId' | 'department' | 'deletedAt'>[], dimension: BudgetDimension, fiscalYear?: number): BudgetTotal[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const groups = new Map<string, { directYen: number; indirectYen: number; projects: Set<string> }>();
  for (const line of lines) {
    if (fiscalYear !== undefined && line.fiscalYear !== fiscalYear) continue;
    const project = byId.get(line.projectId);
    if (!project || project.deletedAt) continue;
    const key = dimension === 'program' ? (project.programId ?? '') : dimension === 'department' ? project.department : String(line.fiscalYear);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { directYen: 0, indirectYen: 0, projects: new Set() }));
    g.directYen += line.directYen;
    g.indirectYen += line.indirectYen;
    g.projects.add(line.projectId);
  }
  const rows: BudgetTotal[] = [...groups].map(([key, g]) => ({
    key, directYen: g.directYen, indirectYen: g.indirectYen, totalYen: g.directYen + g.indirectYen, projectCount: g.projects.size,
  }));
  if (dimension === 'year') return rows.sort((a, b) => Number(a.key) - Number(b.key));
  return rows.sort((a, b) => b.totalYen - a.totalYen || a.key.localeCompare(b.key));
}

/** Grand total of lines (whole yen), optionally one fiscal year. */
export function sumBudget(lines: readonly BudgetLine[], fiscalYear?: number): { directYen: number; indirectYen: number; totalYen: number } {
  let directYen = 0;
  let indirectYen = 0;
  for (const l of lines) {
    if (fiscalYear !== undefined && l.fiscalYear !== fiscalYear) continue;
    directYen += l.directYen;
    indirectYen += l.indirectYen;
  }
  return { directYen, indirectYen, totalYen: directYen + indirectYen };
}

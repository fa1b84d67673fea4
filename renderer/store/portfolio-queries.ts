// The store's reads for the portfolio screens (Projects, Timeline, a project's panel, the trash), one named hook per
// use, so no feature queries a Dexie table: each reads exactly what that screen read before, and re-reads on change.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { peekUndo, projectLog } from './audit';
import { usePrograms } from './catalog';
import type { ProgramEntry } from './catalog';
import { db } from './db';
import type { Table } from './db';
import { listTrash } from './projects';

/** Rows read per request when a screen reads a whole table: each page's structured clone is a short task of its own
 * on the main thread (one request for 50,000 projects was a task of several hundred ms; a page of 2,000 was still
 * 70–120 ms on the loaded build machine). */
const READ_PAGE = 1_000;

/** Every row of a table, a page at a time in primary-key order. */
export async function readPaged<T extends { id: string }>(table: Table<T, string>, size = READ_PAGE): Promise<T[]> {
  const out: T[] = [];
  for (let last: string | null = null; ; ) {
    const page: T[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(size).toArray();
    for (const row of page) out.push(row);
    if (page.length < size) return out;
    last = page[page.length - 1]!.id;
  }
}

/** Every project row (trash included; callers filter in memory), or undefined while loading. */
export function usePortfolioProjects(): Project[] | undefined {
  return useLiveQuery(() => readPaged(db.projects as unknown as Table<Project, string>), []);
}

/**
 * The milestones of some projects (the Timeline's markers for the rows around the visible ones), by project id;
 * undefined while loading. Reads only those projects' items through the projectId index.
 */
export function useMilestonesOf(projectIds: readonly string[]): Map<string, Milestone[]> | undefined {
  const key = projectIds.join(',');
  return useLiveQuery(async () => {
    const rows = key ? await db.milestones.where('projectId').anyOf(key.split(',')).toArray() : [];
    const by = new Map<string, Milestone[]>();
    for (const m of rows) {
      const l = by.get(m.projectId);
      if (l) l.push(m);
      else by.set(m.projectId, [m]);
    }
    return by;
  }, [key]);
}

/** Program lookup by id. */
export function useProgramMap(): Map<string, ProgramEntry> {
  const programs = usePrograms();
  return useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);
}

/** One project (null when gone), undefined while loading. */
export function useProject(id: string): Project | null | undefined {
  return useLiveQuery(async () => (await db.projects.get(id)) ?? null, [id]);
}

/** A project's budget lines by fiscal year. */
export function useProjectBudget(projectId: string): BudgetLine[] | undefined {
  return useLiveQuery(() => db.budgetLines.where('projectId').equals(projectId).sortBy('fiscalYear'), [projectId]);
}

/** A project's milestones by due date. */
export function useProjectMilestones(projectId: string): Milestone[] | undefined {
  return useLiveQuery(() => db.milestones.where('projectId').equals(projectId).sortBy('dueDate'), [projectId]);
}

/** A project's change history, newest first. */
export function useProjectHistory(projectId: string): AuditEntry[] | undefined {
  return useLiveQuery(() => projectLog(projectId), [projectId]);
}

/** Projects in the trash, newest deletion first. */
export function useTrash(): Project[] | undefined {
  return useLiveQuery(listTrash, []);
}

/** The action "undo" would revert next (undefined: none, or loading). */
export function useNextUndo(): AuditEntry | undefined {
  return useLiveQuery(peekUndo, []);
}

/**
 * Live projects mapped to a program, by code, at most `limit` (the total counted only past it), through the
 * programId index; null while loading.
 */
export function useProgramProjects(programId: string, limit: number): { rows: Project[]; total: number } | null {
  return useLiveQuery(
    async () => {
      const rows = await db.projects.where('programId').equals(programId).filter((x) => !x.deletedAt).limit(limit + 1).toArray();
      const total = rows.length > limit ? await db.projects.where('programId').equals(programId).filter((x) => !x.deletedAt).count() : rows.length;
      return { rows: rows.slice(0, limit).sort((a, b) => a.code.localeCompare(b.code)), total };
    },
    [programId, limit],
    null,
  );
}

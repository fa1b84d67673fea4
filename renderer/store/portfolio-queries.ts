// The store's reads for the portfolio screens (a project's panel, the trash), one named hook per
// use, so no feature queries a Dexie table; the project list itself is read by the project-list Worker (readAllProjects).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry, BudgetLine, Milestone, Project } from '../../shared/domain/types';
import { peekUndo, projectLog } from './audit';
import { usePrograms } from './catalog';
import type { ProgramEntry } from './catalog';
import { db } from './db';
import { listTrash } from './projects';

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
 * Live projects mapped to a program, by code, at most `limit`, and how many there are, through the programId index;
 * null while loading.
 */
export function useProgramProjects(programId: string, limit: number): { rows: Project[]; total: number } | null {
  return useLiveQuery(() => readProgramProjects(programId, limit), [programId, limit], null);
}

/** useProgramProjects' read (one live query). */
export async function readProgramProjects(programId: string, limit: number): Promise<{ rows: Project[]; total: number }> {
  // Keys first (the programId index and the trash's deletedAt index, which holds only trashed projects), then only
  // the rows shown: counting through a filter read and cloned every project of the program on the page (thousands
  // at 50,000 projects, hundreds of ms before the panel could show).
  const [keys, trashed] = await Promise.all([db.projects.where('programId').equals(programId).primaryKeys(), db.projects.where('deletedAt').above('').primaryKeys()]);
  const inTrash = new Set(trashed);
  const live = keys.filter((k) => !inTrash.has(k));
  const rows = (await db.projects.bulkGet(live.slice(0, limit))).filter((p): p is Project => p !== undefined);
  return { rows: rows.sort((a, b) => a.code.localeCompare(b.code)), total: live.length };
}

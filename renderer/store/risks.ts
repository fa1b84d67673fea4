// The least data risk flags need, read cheaply for 50,000 projects: the stage gates (kind index) and which projects
// have any milestone (a key-only walk of the projectId index), instead of every milestone row.
import type { BudgetLine, Project } from '../../shared/domain/types';
import type { MilestoneFacts } from '../../shared/portfolio/risk-flags';
import { db, readInPages } from './db';

/** The milestone facts computeRiskFlags needs (see MilestoneFacts). */
export async function loadMilestoneFacts(): Promise<MilestoneFacts> {
  const [stageGates, projectIds] = await Promise.all([db.milestones.where('kind').equals('stage-gate').toArray(), db.milestones.orderBy('projectId').uniqueKeys()]);
  return { stageGates, projectsWithMilestones: new Set(projectIds as string[]) };
}

/** Every project row (the trash included), for the project-list Worker (which reads whole tables off the main thread). */
export function readAllProjects(): Promise<Project[]> {
  return db.projects.toArray();
}

/**
 * Budget lines per request when the Worker reads them for the risk flags: 100,000 lines at 50,000 projects in one
 * getAll were one long task of the Worker's, which the user's keystrokes waited behind.
 */
const LINES_PAGE = 5_000;

/** What risk flags need besides the projects, for the same Worker, read after its search texts and ranks. */
export async function readRiskInputsBesidesProjects(): Promise<{ budgetLines: BudgetLine[]; milestoneFacts: MilestoneFacts }> {
  const [budgetLines, milestoneFacts] = await Promise.all([readInPages(db.budgetLines, LINES_PAGE), loadMilestoneFacts()]);
  return { budgetLines, milestoneFacts };
}

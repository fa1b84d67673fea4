// The least data risk flags need, read cheaply for 50,000 projects: the stage gates (kind index) and which projects
// have any milestone (a key-only walk of the projectId index), instead of every milestone row.
import type { BudgetLine, Project } from '../../shared/domain/types';
import type { MilestoneFacts } from '../../shared/portfolio/risk-flags';
import { db } from './db';

/** The milestone facts computeRiskFlags needs (see MilestoneFacts). */
export async function loadMilestoneFacts(): Promise<MilestoneFacts> {
  const [stageGates, projectIds] = await Promise.all([db.milestones.where('kind').equals('stage-gate').toArray(), db.milestones.orderBy('projectId').uniqueKeys()]);
  return { stageGates, projectsWithMilestones: new Set(projectIds as string[]) };
}

/** Every project row (the trash included), for the project-list Worker (which reads whole tables off the main thread). */
export function readAllProjects(): Promise<Project[]> {
  return db.projects.toArray();
}

/** What risk flags need besides the projects, for the same Worker, read after the projects' search texts are sent. */
export async function readRiskInputsBesidesProjects(): Promise<{ budgetLines: BudgetLine[]; milestoneFacts: MilestoneFacts }> {
  const [budgetLines, milestoneFacts] = await Promise.all([db.budgetLines.toArray(), loadMilestoneFacts()]);
  return { budgetLines, milestoneFacts };
}

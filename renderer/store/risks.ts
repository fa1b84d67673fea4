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

/** Everything risk flags need, for the risk Worker (which reads whole tables off the main thread). */
export async function readRiskInputs(): Promise<{ projects: Project[]; budgetLines: BudgetLine[]; milestoneFacts: MilestoneFacts }> {
  const [projects, budgetLines, milestoneFacts] = await Promise.all([db.projects.toArray(), db.budgetLines.toArray(), loadMilestoneFacts()]);
  return { projects, budgetLines, milestoneFacts };
}

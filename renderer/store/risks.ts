// The least data risk flags need, read cheaply for 50,000 projects: the stage gates (kind index) and which projects
// have any milestone (a key-only walk of the projectId index), instead of every milestone row.
import type { BudgetLine, Project } from '../../shared/domain/types';
import type { MilestoneFacts } from '../../shared/portfolio/risk-flags';
import { db } from './db';
import { readInPages, readUniqueKeysInPages } from './paged-read';

/** The milestone facts computeRiskFlags needs (see MilestoneFacts); the walk of 50,000 project ids a page at a time. */
export async function loadMilestoneFacts(): Promise<MilestoneFacts> {
  const [stageGates, projectIds] = await Promise.all([db.milestones.where('kind').equals('stage-gate').toArray(), readUniqueKeysInPages(db.milestones, 'projectId')]);
  return { stageGates, projectsWithMilestones: new Set(projectIds as string[]) };
}

/**
 * Every project row (the trash included), for the project-list Worker (which reads whole tables off the main thread),
 * a page per transaction so a save never waits for the whole read. A write landing between pages is safe: its commit
 * reaches the page (storagemutated) after the read began, which moves the list's `generation` and loads again.
 */
export function readAllProjects(): Promise<Project[]> {
  return readInPages(db.projects);
}

/** What risk flags need besides the projects, for the same Worker, read after its search texts and ranks. */
export async function readRiskInputsBesidesProjects(): Promise<{ budgetLines: BudgetLine[]; milestoneFacts: MilestoneFacts }> {
  const [budgetLines, milestoneFacts] = await Promise.all([readInPages(db.budgetLines), loadMilestoneFacts()]);
  return { budgetLines, milestoneFacts };
}

// The least data risk flags need, read cheaply for 50,000 projects: the stage gates (kind index) and which projects
// have any milestone (a key-only walk of the projectId index), instead of every milestone row; and the project-list
// Worker's other reads (every project, the Timeline's markers of some projects).
import type { BudgetLine, Milestone, Project } from '../../shared/domain/types';
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

/**
 * The milestones of some projects (the Timeline's markers for the rows near the visible ones), in the order asked, for
 * the same Worker: one getAll on the projectId index per project, all issued at once in one read transaction and
 * answered together. Dexie's `anyOf` walked a cursor with a round trip per item, and inside the page's live query each
 * request also paid Dexie's key tracking (docs/performance.md, sessions 10–12).
 */
export function readMilestonesOf(projectIds: readonly string[]): Promise<Milestone[][]> {
  return db.transaction('r', db.milestones, () => Promise.all(projectIds.map((id) => db.milestones.where('projectId').equals(id).toArray())));
}

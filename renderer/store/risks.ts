// The least data risk flags need, read cheaply for 50,000 projects: the stage gates (kind index) and, for every other
// milestone, only the fact that a project has one (a key-only cursor on projectId), instead of every milestone row.
import type { Milestone } from '../../shared/domain/types';
import { db } from './db';

/**
 * Milestones sufficient for computeRiskFlags: all stage gates, plus one closed placeholder per project that has any
 * milestone (so 'no-milestones' is judged right without reading them). Not for display.
 */
export async function loadRiskMilestones(): Promise<Milestone[]> {
  const [gates, projectIds] = await Promise.all([db.milestones.where('kind').equals('stage-gate').toArray(), db.milestones.orderBy('projectId').uniqueKeys()]);
  const placeholders: Milestone[] = (projectIds as string[]).map((projectId) => ({
    id: `has-milestones:${projectId}`, projectId, kind: 'other', title: '', dueDate: '9999-12-31', status: 'done', doneDate: null, notes: '', origin: 'user',
  }));
  return [...gates, ...placeholders];
}

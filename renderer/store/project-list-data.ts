// The project list Worker's read of every project (trash included, as the list's rows are), for ranking the list's
// sort keys off the main thread (renderer/workers/project-list.worker.ts).
import type { Project } from '../../shared/domain/types';
import { db } from './db';

export function readAllProjects(): Promise<Project[]> {
  return db.projects.toArray();
}

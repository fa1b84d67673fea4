// The project list's heavy columns computed in a Worker that reads IndexedDB itself: risk flags need every project and
// budget line (100,000 lines at 50,000 projects), and the search texts NFKC-fold every project's fields; both ran on
// the main thread when the Projects screen opened or a project was saved. The work itself: project-list-api.ts. It
// also ranks the projects for the list's sort (project-order.ts), which ran the Japanese collator on the main thread.
import { readAllProjects, readRiskInputsBesidesProjects } from '../store/risks';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import { rankProjects } from '../../shared/portfolio/project-order';
import type { SortRanks } from '../../shared/portfolio/project-order';
import { createProjectListApi } from './project-list-api';
import type { ProjectListApi } from './project-list';
import type { ProjectOrderApi } from './project-order';

async function sortKeys(): Promise<SortRanks> {
  const ranks = rankProjects(await readAllProjects());
  return transferred(ranks, Object.values(ranks.ranks).map((r) => r.buffer as ArrayBuffer));
}

serveWorkerApi({ ...createProjectListApi({ projects: readAllProjects, besidesProjects: readRiskInputsBesidesProjects }), sortKeys } satisfies ProjectListApi & ProjectOrderApi);

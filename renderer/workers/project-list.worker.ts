// The project list's heavy columns computed in a Worker that reads IndexedDB itself: risk flags need every project and
// budget line (100,000 lines at 50,000 projects), and the search texts NFKC-fold every project's fields; both ran on
// the main thread when the Projects screen opened or a project was saved. It also ranks the projects for the list's
// sort (project-order.ts), which ran the Japanese collator over every row on the main thread.
import { computeRiskFlags } from '../../shared/portfolio/risk-flags';
import { searchText } from '../../shared/portfolio/project-query';
import { readRiskInputs } from '../store/risks';
import { serveWorkerApi, transferred } from '../platform/worker-client';
import { rankProjects } from '../../shared/portfolio/project-order';
import type { SortRanks } from '../../shared/portfolio/project-order';
import { readAllProjects } from '../store/project-list-data';
import type { ProjectOrderApi } from './project-order';
import type { ProjectListApi, ProjectListInfo, ProjectListRequest } from './project-list';

async function info(req: ProjectListRequest): Promise<ProjectListInfo> {
  const { projects, budgetLines, milestoneFacts } = await readRiskInputs();
  const flags = computeRiskFlags({ projects, budgetLines, milestoneFacts, programs: req.programs, today: req.today });
  const names = new Map(req.programs.map((p) => [p.id, p.nameJa]));
  const search: ProjectListInfo['search'] = [];
  for (const p of projects) if (!p.deletedAt) search.push([p.id, p.updatedAt, searchText(p, p.programId ? names.get(p.programId) : undefined)]);
  return { flags, search };
}

async function sortKeys(): Promise<SortRanks> {
  const ranks = rankProjects(await readAllProjects());
  return transferred(ranks, Object.values(ranks.ranks).map((r) => r.buffer as ArrayBuffer));
}

serveWorkerApi({ info, sortKeys } satisfies ProjectListApi & ProjectOrderApi);

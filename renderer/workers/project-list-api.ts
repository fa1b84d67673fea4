// The project-list Worker's side, apart from the Worker file so tests can run it without a Worker: the search texts
// first (the list needs them at the first keystroke), then the risk flags, each kept here and handed out in slices,
// so no single answer is a structured clone of 50,000 entries arriving in one main-thread task.
import type { Project } from '../../shared/domain/types';
import { computeRiskFlags } from '../../shared/portfolio/risk-flags';
import type { RiskFlag } from '../../shared/portfolio/risk-flags';
import { searchText } from '../../shared/portfolio/project-query';
import type { BudgetLine } from '../../shared/domain/types';
import type { MilestoneFacts } from '../../shared/portfolio/risk-flags';
import type { ProjectListApi, ProjectListRequest, SearchEntry } from './project-list';

export interface ProjectListReads {
  projects(): Promise<Project[]>;
  besidesProjects(): Promise<{ budgetLines: BudgetLine[]; milestoneFacts: MilestoneFacts }>;
}

export function createProjectListApi(read: ProjectListReads): ProjectListApi {
  let projects: Project[] | null = null;
  let search: SearchEntry[] = [];
  let flags: RiskFlag[] = [];
  return {
    async prepareSearch(req: ProjectListRequest) {
      projects = await read.projects();
      const names = new Map(req.programs.map((p) => [p.id, p.nameJa]));
      search = [];
      for (const p of projects) if (!p.deletedAt) search.push([p.id, p.updatedAt, searchText(p, p.programId ? names.get(p.programId) : undefined)]);
      return search.length;
    },
    async searchSlice(from: number, to: number) {
      return search.slice(from, to);
    },
    async prepareRisks(req: ProjectListRequest) {
      // The projects read for the search texts: one snapshot of them for both answers.
      const list = projects ?? (await read.projects());
      const { budgetLines, milestoneFacts } = await read.besidesProjects();
      flags = computeRiskFlags({ projects: list, budgetLines, milestoneFacts, programs: req.programs, today: req.today });
      return flags.length;
    },
    async riskSlice(from: number, to: number) {
      return flags.slice(from, to);
    },
  };
}

// The project-list Worker's answers as the Projects screen fetches them: search texts first, a slice at a time, then
// every risk flag once complete, without a Worker (the API is called directly).
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { computeRiskFlags, milestoneFacts } from '../../../shared/portfolio/risk-flags';
import type { RiskFlag } from '../../../shared/portfolio/risk-flags';
import { searchText } from '../../../shared/portfolio/project-query';
import { createProjectListApi } from '../../../renderer/workers/project-list-api';
import { SearchTexts, loadProjectListExtras } from '../../../renderer/workers/project-list';
import type { ProjectListApi, ProjectListRequest } from '../../../renderer/workers/project-list';
import { makeLine, makeMilestone, makeProject } from '../../shared/portfolio/fixtures';

const programs = BUILTIN_CATALOG.programs;
const program = programs[0]!;
const projects = [
  makeProject('a', { programId: program.id, endDate: '2020-03-31' }),
  makeProject('b', { title: 'ＡＩ 診断' }),
  makeProject('c', { deletedAt: '2025-01-01T00:00:00Z' }),
  makeProject('d'),
  makeProject('e', { startDate: '2026-04-01' }),
];
const budgetLines = [makeLine('a', 2026, 1000, 900), makeLine('b', 2026, 100)];
const milestones = [makeMilestone('m1', 'b', { kind: 'stage-gate', dueDate: '2026-01-31' })];
const req: ProjectListRequest = { today: '2026-06-01', programs };

/** The API over fixed data, counting its reads and calls. */
function api() {
  const calls: string[] = [];
  const inner = createProjectListApi({
    projects: async () => {
      calls.push('read projects');
      return projects;
    },
    besidesProjects: async () => {
      calls.push('read the rest');
      return { budgetLines, milestoneFacts: milestoneFacts(milestones) };
    },
  });
  const counted: ProjectListApi = {
    prepareSearch: (r) => (calls.push('prepareSearch'), inner.prepareSearch(r)),
    searchSlice: (f, t) => (calls.push(`searchSlice ${f}`), inner.searchSlice(f, t)),
    prepareRisks: (r) => (calls.push('prepareRisks'), inner.prepareRisks(r)),
    riskSlice: (f, t) => (calls.push(`riskSlice ${f}`), inner.riskSlice(f, t)),
  };
  return { calls, api: counted };
}

describe('project-list Worker answers', () => {
  it('hands over every live project’s search text in slices before the risks, and every flag once', async () => {
    const { calls, api: w } = api();
    const search = new SearchTexts();
    const risks: RiskFlag[][] = [];
    await loadProjectListExtras(w, req, search, (f) => risks.push(f), () => false, 2);
    const expected = computeRiskFlags({ projects, budgetLines, milestoneFacts: milestoneFacts(milestones), programs, today: req.today });
    expect(expected.length).toBeGreaterThan(2);
    expect(risks).toEqual([expected]);
    for (const p of projects.filter((x) => !x.deletedAt)) {
      expect(search.get(p.id, p.updatedAt)).toBe(searchText(p, p.programId ? program.nameJa : undefined));
    }
    expect(search.get('c', projects[2]!.updatedAt)).toBeUndefined();
    // Projects read once; the search texts (4 live projects, slices of 2) all before the risk inputs are read.
    expect(calls.filter((c) => c === 'read projects')).toHaveLength(1);
    expect(calls.indexOf('searchSlice 2')).toBeLessThan(calls.indexOf('read the rest'));
    expect(calls.filter((c) => c.startsWith('riskSlice'))).toHaveLength(Math.ceil(expected.length / 2));
  });

  it('gives no text for a row saved since it was built', async () => {
    const { api: w } = api();
    const search = new SearchTexts();
    await loadProjectListExtras(w, req, search, () => undefined, () => false);
    expect(search.get('b', '2030-01-01T00:00:00Z')).toBeUndefined();
  });

  it('stops between slices once cancelled, and then reports no risks', async () => {
    const { calls, api: w } = api();
    const search = new SearchTexts();
    let slices = 0;
    const onRisks: RiskFlag[][] = [];
    await loadProjectListExtras(w, req, search, (f) => onRisks.push(f), () => slices++ >= 1, 1);
    expect(calls.filter((c) => c.startsWith('searchSlice'))).toHaveLength(1);
    expect(calls).not.toContain('prepareRisks');
    expect(onRisks).toEqual([]);
  });
});

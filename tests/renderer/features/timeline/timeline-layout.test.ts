import { describe, expect, it } from 'vitest';
import { buildRows, byStartThenCode } from '../../../../renderer/features/timeline/timeline-layout';
import { rankIndex, rankProjects, sortByRanks } from '../../../../shared/portfolio/project-order';
import type { Project } from '../../../../shared/domain/types';
import { makeProject } from '../../../shared/portfolio/fixtures';

const projects = [
  makeProject('1', { code: 'A-10', startDate: '2024-04-01', programId: null }),
  makeProject('2', { code: 'A-9', startDate: '2024-04-01', programId: null }),
  makeProject('3', { code: 'A-1', startDate: '2025-04-01', programId: null }),
  makeProject('4', { code: 'A-11', startDate: '2023-10-01', programId: null }),
];
const ids = (rows: ReturnType<typeof buildRows>) => rows.flatMap((r) => (r.type === 'project' ? [r.project.id] : []));

describe('timeline rows', () => {
  it('orders each group by start date, then by 管理番号 in natural order', () => {
    expect(ids(buildRows(projects, new Map(), 'ja', '未設定'))).toEqual(['4', '2', '1', '3']);
  });

  it('gives the same order from the project list ranks as with the collator', () => {
    const ranks = rankProjects(projects);
    const index = rankIndex(ranks);
    const byRanks = (list: Project[]) => sortByRanks(list, 'startDate', 'asc', ranks, index);
    expect(ids(buildRows(projects, new Map(), 'ja', '未設定', byRanks))).toEqual(ids(buildRows(projects, new Map(), 'ja', '未設定', byStartThenCode)));
  });
});

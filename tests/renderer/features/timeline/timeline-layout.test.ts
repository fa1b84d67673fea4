import { describe, expect, it } from 'vitest';
import { MARKER_BLOCK, buildRows, byStartThenCode, markerPositions } from '../../../../renderer/features/timeline/timeline-layout';
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

  it('asks markers for the block of the first row in view and one block either side, never for group rows', () => {
    // 450 rows: a group row every 50 (negative), projects at positions equal to their index otherwise.
    const items = Int32Array.from({ length: 450 }, (_, i) => (i % 50 === 0 ? -1 - i / 50 : i));
    const projectsIn = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k).filter((i) => i % 50 !== 0);
    expect(markerPositions(items, 0)).toEqual(projectsIn(0, 2 * MARKER_BLOCK));
    expect(markerPositions(items, MARKER_BLOCK - 1)).toEqual(projectsIn(0, 2 * MARKER_BLOCK));
    expect(markerPositions(items, 2 * MARKER_BLOCK + 30)).toEqual(projectsIn(MARKER_BLOCK, 4 * MARKER_BLOCK));
    expect(markerPositions(items, 440)).toEqual(projectsIn(3 * MARKER_BLOCK, 450));
  });
});

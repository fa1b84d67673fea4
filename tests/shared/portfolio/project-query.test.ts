import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, distinctValues, filterProjects, searchText, sortProjects } from '../../../shared/portfolio/project-query';
import { makeProject } from './fixtures';

const projects = [
  makeProject('1', { code: 'A-10', title: '再生医療', department: '医学研究科', pi: '佐藤', programId: 'binds', startDate: '2023-04-01', endDate: '2025-03-31' }),
  makeProject('2', { code: 'A-9', title: 'ゲノム解析', department: '薬学研究科', pi: '鈴木', programId: 'b-cure', status: 'applying' }),
  makeProject('3', { code: 'A-11', title: 'ＡＩ診断', department: '医学研究科', pi: '佐藤', programId: null, archived: true }),
  makeProject('4', { code: 'A-12', title: 'deleted', deletedAt: '2025-01-01T00:00:00Z' }),
];
const hay = (p: (typeof projects)[number]) => searchText(p);

describe('project list query', () => {
  it('filters by fields, fiscal year, archive and trash', () => {
    expect(filterProjects(projects, EMPTY_FILTER, hay).map((p) => p.id)).toEqual(['1', '2']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, showArchived: true, department: '医学研究科' }, hay).map((p) => p.id)).toEqual(['1', '3']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, showArchived: true, programId: '' }, hay).map((p) => p.id)).toEqual(['3']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, activeInFiscalYear: 2025 }, hay).map((p) => p.id)).toEqual(['2']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, status: 'applying' }, hay).map((p) => p.id)).toEqual(['2']);
  });
  it('searches free text across fields, folding full-width letters, all terms required', () => {
    expect(filterProjects(projects, { ...EMPTY_FILTER, showArchived: true, text: 'ai' }, hay).map((p) => p.id)).toEqual(['3']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, text: '佐藤 再生' }, hay).map((p) => p.id)).toEqual(['1']);
    expect(filterProjects(projects, { ...EMPTY_FILTER, text: '佐藤 ゲノム' }, hay)).toEqual([]);
  });
  it('sorts codes naturally in both directions', () => {
    expect(sortProjects(projects.slice(0, 3), 'code', 'asc').map((p) => p.code)).toEqual(['A-9', 'A-10', 'A-11']);
    expect(sortProjects(projects.slice(0, 3), 'code', 'desc').map((p) => p.code)).toEqual(['A-11', 'A-10', 'A-9']);
    expect(sortProjects(projects.slice(0, 3), 'risks', 'desc', (p) => (p.id === '2' ? 3 : 0))[0]!.id).toBe('2');
  });
  it('lists distinct departments', () => {
    expect(distinctValues(projects, 'pi')).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, ProjectFilterMemo, distinctValues, filterPositions, filterProjects, queryTerms, refinesQuery, searchText, sortProjects } from '../../../shared/portfolio/project-query';
import type { ProjectFilter } from '../../../shared/portfolio/project-query';
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

describe('query refinement', () => {
  it('folds the query as search texts are folded', () => {
    expect(queryTerms('  ＡＩ\u3000診断 ')).toEqual(['ai', '診断']);
  });

  it('says a query refines another when each earlier term lies inside a later one', () => {
    expect(refinesQuery(['12'], ['123'])).toBe(true);
    expect(refinesQuery(['研究'], ['研究開発', '3'])).toBe(true);
    expect(refinesQuery([], ['x'])).toBe(true);
    expect(refinesQuery(['123'], ['12'])).toBe(false);
    expect(refinesQuery(['研究開発', '3'], ['研究開発'])).toBe(false);
  });
});

describe('filterPositions', () => {
  it('gives filterProjects\' rows as positions, in the order of the positions given', () => {
    const order = Int32Array.from([3, 2, 1, 0]);
    const at = (i: number) => searchText(projects[i]!);
    for (const f of [EMPTY_FILTER, { ...EMPTY_FILTER, showArchived: true, department: '医学研究科' }, { ...EMPTY_FILTER, showArchived: true, text: 'ai' }, { ...EMPTY_FILTER, text: '佐藤 再生' }]) {
      const expected = filterProjects([...projects].reverse(), f, hay).map((p) => p.id);
      expect([...filterPositions(projects, order, f, at)].map((i) => projects[i]!.id), JSON.stringify(f)).toEqual(expected);
    }
  });
});

describe('ProjectFilterMemo', () => {
  // 300 projects whose codes and titles make prefixes of each other match more or fewer rows.
  const many = Array.from({ length: 300 }, (_, i) =>
    makeProject(`p${i}`, { code: `K-${i}`, title: `研究開発 ${i % 7}`, archived: i % 11 === 0, deletedAt: i % 13 === 0 ? '2025-01-01T00:00:00Z' : null }),
  );
  // The list's order: every position, backwards (the memo keeps the order it is given).
  const all = Int32Array.from(many.keys()).reverse();
  const hayAt = (at: number) => searchText(many[at]!);
  const idsOf = (positions: Int32Array) => [...positions].map((i) => many[i]!.id);
  const expected = (source: Int32Array, f: ProjectFilter) => filterProjects([...source].map((i) => many[i]!), f, (p) => searchText(p)).map((p) => p.id);
  const typing = (query: string) => {
    const keys = [...query].map((_, i) => query.slice(0, i + 1));
    for (let i = query.length - 1; i >= 0; i--) keys.push(query.slice(0, i));
    return keys;
  };

  it('gives filterProjects\' rows for every keystroke, typing on and deleting back', () => {
    const memo = new ProjectFilterMemo(4);
    const filters: ProjectFilter[] = [];
    for (const q of ['123', '研究開発 3', 'k-2 5']) for (const text of typing(q)) filters.push({ ...EMPTY_FILTER, text });
    filters.push({ ...EMPTY_FILTER, text: '12', showArchived: true }, { ...EMPTY_FILTER, text: '1' });
    for (const f of filters) expect(idsOf(memo.filter(many, all, f, hayAt)), JSON.stringify(f)).toEqual(expected(all, f));
  });

  it('looks only at the rows of the query a keystroke refines', () => {
    const memo = new ProjectFilterMemo();
    const seen: number[] = [];
    const counting = (at: number) => {
      seen.push(at);
      return searchText(many[at]!);
    };
    const first = memo.filter(many, all, { ...EMPTY_FILTER, text: '1' }, counting);
    seen.length = 0;
    memo.filter(many, all, { ...EMPTY_FILTER, text: '12' }, counting);
    expect(seen).toHaveLength(first.length);
    expect(first.length).toBeLessThan(many.length);
  });

  it('returns a remembered result as it was, and forgets all when the list, menus or haystack change', () => {
    const memo = new ProjectFilterMemo();
    const a = memo.filter(many, all, { ...EMPTY_FILTER, text: '12' }, hayAt);
    memo.filter(many, all, { ...EMPTY_FILTER, text: '123' }, hayAt);
    expect(memo.filter(many, all, { ...EMPTY_FILTER, text: '12' }, hayAt)).toBe(a);
    expect(memo.filter(many, all, { ...EMPTY_FILTER, text: '12', showArchived: true }, hayAt)).not.toBe(a);
    const other = all.slice(0, 100);
    expect(idsOf(memo.filter(many, other, { ...EMPTY_FILTER, text: '12' }, hayAt))).toEqual(expected(other, { ...EMPTY_FILTER, text: '12' }));
    const changed = (at: number) => (many[at]!.id === 'p5' ? 'zzz' : searchText(many[at]!));
    expect(idsOf(memo.filter(many, all, { ...EMPTY_FILTER, text: 'zzz' }, changed))).toEqual(['p5']);
  });
});

import { describe, expect, it } from 'vitest';
import { RANKED_KEYS, rankColumnInSlices, rankIndex, rankProjects, sortByRanks, sortInSlices } from '../../../shared/portfolio/project-order';
import { sortProjects } from '../../../shared/portfolio/project-query';
import type { SortKey } from '../../../shared/portfolio/project-query';
import type { Project } from '../../../shared/domain/types';
import { makeProject } from './fixtures';

// A list with natural-order codes, Japanese and full-width text, empty values and repeated values (ties by code).
const TITLES = ['再生医療', 'ゲノム解析', 'ＡＩ診断', 'ai診断', 'がん免疫', 'カン免疫', '', 'iPS細胞'];
const DEPTS = ['医学研究科', '薬学研究科', '', '工学研究科'];
const PIS = ['佐藤 太郎', '鈴木 花子', 'さとう', ''];
function portfolio(n: number): Project[] {
  return Array.from({ length: n }, (_, i) =>
    makeProject(String(i), {
      code: `A-${(i * 37) % n}${i % 5 === 0 ? 'b' : ''}`, title: TITLES[i % TITLES.length]!, department: DEPTS[i % DEPTS.length]!, pi: PIS[(i * 3) % PIS.length]!,
      programId: i % 3 === 0 ? null : `p${i % 4}`, status: i % 2 ? 'active' : 'applying', startDate: `202${i % 6}-04-01`, endDate: i % 7 ? `203${i % 3}-03-31` : '',
      updatedAt: `2026-01-0${(i % 9) + 1}T00:00:00Z`,
    }),
  );
}
const ids = (ps: readonly Project[]) => ps.map((p) => p.id);
const risk = (p: Project) => (Number(p.id) || 7) % 3;
const KEYS: SortKey[] = [...RANKED_KEYS, 'risks'];

describe('project list order from ranks', () => {
  const projects = portfolio(60);
  const ranks = rankProjects(projects);
  const index = rankIndex(ranks);

  it('gives the collator sort order for every column and direction', () => {
    for (const key of KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(ids(sortByRanks(projects, key, dir, ranks, index, risk)), `${key} ${dir}`).toEqual(ids(sortProjects(projects, key, dir, risk)));
      }
    }
  });

  it('stays exact for rows changed or added after the ranks were taken', () => {
    const changed = projects.map((p, i) => (i % 10 === 0 ? { ...p, title: `改題 ${i}`, department: '', code: `Z-${i}`, updatedAt: '2026-02-01T00:00:00Z' } : p));
    const added = [...changed, makeProject('new', { code: 'A-0a', title: 'ＡＩ新規', department: '医学研究科', updatedAt: '2026-02-02T00:00:00Z' })];
    for (const key of KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(ids(sortByRanks(added, key, dir, ranks, index, risk)), `${key} ${dir}`).toEqual(ids(sortProjects(added, key, dir, risk)));
      }
    }
  });

  it('ranks collator-equal values alike and empty values as -1', () => {
    const r = rankProjects([makeProject('a', { title: 'x', department: '' }), makeProject('b', { title: 'y', department: '工学' }), makeProject('c', { title: 'x' })]);
    expect(r.ranks.title[0]).toBe(r.ranks.title[2]);
    expect(r.ranks.title[1]).toBeGreaterThan(r.ranks.title[0]!);
    expect(r.ranks.department[0]).toBe(-1);
  });
});

describe('sorting and ranking a slice at a time', () => {
  it('sorts stably, as Array.prototype.sort does, pausing between slices', async () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ key: (i * 7919) % 37, i }));
    let pauses = 0;
    const sorted = await sortInSlices(items, (a, b) => a.key - b.key, async () => void pauses++, 100);
    expect(sorted).toEqual([...items].sort((a, b) => a.key - b.key));
    expect(pauses).toBeGreaterThan(10);
    expect(await sortInSlices([], (a: number, b: number) => a - b, async () => undefined)).toEqual([]);
  });

  it('ranks a column as rankProjects does', async () => {
    const list = [makeProject('1', { title: 'b-10' }), makeProject('2', { title: 'b-9' }), makeProject('3', { title: '' }), makeProject('4', { title: 'Ａ' }), makeProject('5', { title: 'a' })];
    const all = rankProjects(list);
    for (const key of RANKED_KEYS) expect([...(await rankColumnInSlices(list, key, async () => undefined))], key).toEqual([...all.ranks[key]]);
  });

  it('ranks as rankProjects does whether or not the code-unit order is the collator order', async () => {
    // Padded codes and ISO dates: the code-unit order is the collator's. Unpadded numbers, full-width letters and kana:
    // it is not (b-10 before b-9, Ａ after z).
    const agreeing = Array.from({ length: 40 }, (_, i) => makeProject(`p${i}`, { code: `B-${String((i * 17) % 40).padStart(4, '0')}`, startDate: `20${10 + (i % 9)}-04-0${(i % 5) + 1}` }));
    const disagreeing = Array.from({ length: 40 }, (_, i) => makeProject(`q${i}`, { code: [`b-${i}`, `Ｂ-${i}`, `ｂ-${i}`, `か${i}`, `カ${i}`][i % 5]! }));
    for (const list of [agreeing, disagreeing]) {
      for (const key of ['code', 'startDate'] as const) expect([...(await rankColumnInSlices(list, key, async () => undefined, 7))], key).toEqual([...rankProjects(list).ranks[key]]);
    }
  });

  it('pauses in its passes over the column, not only in the sort', async () => {
    // One distinct value: the sort has nothing to compare, so every pause comes from the passes over the rows.
    const list = Array.from({ length: 12 }, (_, i) => makeProject(`p${i}`, { department: '工学研究科' }));
    let pauses = 0;
    const ranks = await rankColumnInSlices(list, 'department', async () => void pauses++, 3);
    expect([...ranks]).toEqual([...rankProjects(list).ranks.department]);
    // 12 values and 12 ranks, 3 a slice: 4 pauses each.
    expect(pauses).toBe(8);
  });
});

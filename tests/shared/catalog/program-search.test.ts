// Catalog search and tree: names in any width/spacing, filters by managing body (or none stated), theme and running
// fiscal year, budget order.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import {
  catalogMenus, createProgramFilter, fiscalYearsLeft, mergeThemes, programRunsInFiscalYear, programTreeRows, sortPrograms,
  themeLabel, themeResolver, themesInUse,
} from '../../../shared/catalog/program-search';
import { MANAGED_BY_NOT_STATED } from '../../../shared/catalog/schema';
import type { CatalogProgram } from '../../../shared/catalog/schema';
import type { ProgramQuery } from '../../../shared/catalog/program-search';

const programs = BUILTIN_CATALOG.programs;

/** Programs matching a query, in their order: the Programs screen's filter with inherited themes. */
function searchPrograms<T extends CatalogProgram>(list: readonly T[], query: ProgramQuery): T[] {
  return list.filter(createProgramFilter(query, themeResolver(list)));
}
const ids = (list: readonly { id: string }[]) => list.map((p) => p.id);

describe('searchPrograms', () => {
  it('finds a program by abbreviation, Japanese and English names, in any width and spacing', () => {
    expect(ids(searchPrograms(programs, { text: 'BINDS' }))).toEqual(['binds']);
    expect(ids(searchPrograms(programs, { text: 'ｂｉｎｄｓ' }))).toEqual(['binds']);
    expect(ids(searchPrograms(programs, { text: '生命科学 創薬' }))).toEqual(['binds']);
    expect(ids(searchPrograms(programs, { text: '生命科学創薬研究支援' }))).toEqual(['binds']);
    expect(ids(searchPrograms(programs, { text: 'drug discovery life science' }))).toEqual(['binds']);
    expect(ids(searchPrograms(programs, { text: '東北メディカルメガバンク' }))).toEqual(['tohoku-medical-megabank']);
  });
  it('finds programs by a track name and returns all for an empty query', () => {
    expect(ids(searchPrograms(programs, { text: '開発実践' }))).toEqual(['medical-device-development']);
    expect(searchPrograms(programs, { text: '  ' })).toHaveLength(programs.length);
    expect(searchPrograms(programs, { text: 'no-such-program-anywhere' })).toEqual([]);
  });
  it('filters by managing body', () => {
    const amed = searchPrograms(programs, { managedBy: 'AMED' });
    expect(amed.length).toBeGreaterThan(0);
    expect(amed.every((p) => p.managedBy === 'AMED')).toBe(true);
    expect(ids(amed)).toContain('medical-device-development');
    expect(catalogMenus(programs, 2025).bodies).toEqual(expect.arrayContaining(['AMED', 'RIKEN']));
  });
  it('keeps programs whose document names no body apart: not a body in the menu, a filter of their own', () => {
    expect(catalogMenus(programs, 2025).bodies).not.toContain(null);
    expect(catalogMenus(programs, 2025).bodies).not.toContain('MEXT');
    expect(catalogMenus(programs, 2025).unstatedBody).toBe(true);
    const unstated = searchPrograms(programs, { managedBy: MANAGED_BY_NOT_STATED });
    expect(unstated.length).toBe(programs.filter((p) => p.managedBy === null).length);
    expect(ids(unstated)).toContain('binds');
    expect(ids(unstated)).not.toContain('medical-device-development');
    expect(catalogMenus(programs.filter((p) => p.managedBy !== null), 2025).unstatedBody).toBe(false);
  });
  it("offers the years of the programs' periods and two either side of now, newest first, at most 60", () => {
    const at = (start: number | null, end: number | null) => ({ ...programs[0]!, period: { ...programs[0]!.period, startFiscalYear: start, endFiscalYear: end } });
    expect(catalogMenus([at(2024, 2026)], 2025).years).toEqual([2028, 2027, 2026, 2025, 2024, 2023]);
    expect(catalogMenus([at(2019, null), at(null, 2031)], 2025).years).toEqual(Array.from({ length: 13 }, (_, i) => 2031 - i));
    expect(catalogMenus([at(1900, 2100)], 2025).years).toHaveLength(60);
    expect(catalogMenus([at(1900, 2100)], 2025).years[0]).toBe(2100);
    const sorted = catalogMenus([{ ...at(2024, 2026), managedBy: 'JST' }, { ...at(2024, 2026), managedBy: 'AMED' }, { ...at(2024, 2026), managedBy: 'JST' }], 2025);
    expect(sorted.bodies).toEqual(['AMED', 'JST']);
  });
  it('filters by running fiscal year with open ends', () => {
    const fy2026 = ids(searchPrograms(programs, { runningInFiscalYear: 2026 }));
    expect(fy2026).toContain('binds'); // 2022–2026
    expect(fy2026).not.toContain('b-cure'); // 2021–2025
    expect(ids(searchPrograms(programs, { runningInFiscalYear: 2025 }))).toContain('b-cure');
    const open = { period: { startFiscalYear: null, endFiscalYear: null } };
    expect(programRunsInFiscalYear(open, 1990)).toBe(true);
    expect(programRunsInFiscalYear({ period: { startFiscalYear: 2027, endFiscalYear: null } }, 2026)).toBe(false);
    expect(programRunsInFiscalYear({ period: { startFiscalYear: 2027, endFiscalYear: null } }, 2040)).toBe(true);
  });
  it('counts fiscal years left inclusively', () => {
    expect(fiscalYearsLeft({ period: { startFiscalYear: 2022, endFiscalYear: 2026 } }, 2025)).toBe(2);
    expect(fiscalYearsLeft({ period: { startFiscalYear: 2022, endFiscalYear: 2026 } }, 2026)).toBe(1);
    expect(fiscalYearsLeft({ period: { startFiscalYear: 2022, endFiscalYear: 2024 } }, 2025)).toBe(0);
    expect(fiscalYearsLeft({ period: { startFiscalYear: 2027, endFiscalYear: 2029 } }, 2025)).toBe(3);
    expect(fiscalYearsLeft({ period: { startFiscalYear: 2022, endFiscalYear: null } }, 2025)).toBeNull();
  });
});

describe('sortPrograms', () => {
  it('orders by request, largest first, programs without a figure last', () => {
    const sorted = sortPrograms(programs, 'budget-desc');
    const requests = sorted.map((p) => p.budgetYen.request);
    const firstNull = requests.indexOf(null);
    const known = (firstNull === -1 ? requests : requests.slice(0, firstNull)) as number[];
    expect(known).toEqual([...known].sort((a, b) => b - a));
    if (firstNull !== -1) expect(requests.slice(firstNull).every((r) => r === null)).toBe(true);
    const asc = sortPrograms(programs, 'budget-asc').map((p) => p.budgetYen.request).filter((r): r is number => r !== null);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(sortPrograms(programs, 'catalog')).toEqual(programs);
  });
});

describe('programTreeRows', () => {
  it('nests sub-programs under parents, depth-first', () => {
    const rows = programTreeRows(programs);
    expect(rows).toHaveLength(programs.length);
    const i = rows.findIndex((r) => r.program.id === 'b-cure');
    expect(rows[i]!.depth).toBe(0);
    expect(rows[i]!.hasChildren).toBe(true);
    expect(rows[i + 1]!.program.parentId).toBe('b-cure');
    expect(rows.find((r) => r.program.id === 'grifin')!.depth).toBe(2);
  });
  it('keeps ancestors of matches for context and hides collapsed children', () => {
    const rows = programTreeRows(programs, { query: { text: 'GRIFIN' } });
    expect(rows.map((r) => [r.program.id, r.matches])).toEqual([
      ['b-cure', false], ['genomic-medicine-platform', false], ['grifin', true],
    ]);
    const collapsed = programTreeRows(programs, { collapsed: new Set(['b-cure']) });
    expect(collapsed.some((r) => r.program.parentId === 'b-cure')).toBe(false);
    expect(collapsed.some((r) => r.program.id === 'b-cure')).toBe(true);
  });
  it('sorts siblings by budget', () => {
    const roots = programTreeRows(programs, { sort: 'budget-desc' }).filter((r) => r.depth === 0);
    const req = roots.map((r) => r.program.budgetYen.request).filter((r): r is number => r !== null);
    expect(req).toEqual([...req].sort((a, b) => b - a));
  });

  it('sorts without touching the list given, and every row matches when there is no query', () => {
    const before = programs.map((p) => p.id);
    const rows = programTreeRows(programs, { sort: 'budget-desc' });
    expect(programs.map((p) => p.id)).toEqual(before);
    expect(rows.every((r) => r.matches)).toBe(true);
    expect(rows.filter((r) => r.hasChildren).map((r) => r.program.id)).toEqual(
      rows.filter((r) => programs.some((c) => c.parentId === r.program.id)).map((r) => r.program.id),
    );
  });
});

describe('themes', () => {
  const themes = BUILTIN_CATALOG.edition.themes ?? [];
  it('gives sub-programs their parent’s theme unless they state their own', () => {
    const themeOf = themeResolver(programs);
    const byId = new Map(programs.map((p) => [p.id, p]));
    expect(themeOf(byId.get('grifin')!)).toBe('life-course'); // grifin → genomic-medicine-platform → b-cure
    expect(themeOf(byId.get('sicorp')!)).toBe('infrastructure-international');
    expect(themeOf(byId.get('amed-operating-grant')!)).toBeNull();
    const own: CatalogProgram = { ...byId.get('grifin')!, id: 'x-own', theme: 'drug-discovery' };
    const none: CatalogProgram = { ...byId.get('grifin')!, id: 'x-none', theme: null };
    const withOwn = themeResolver([...programs, own, none]);
    expect(withOwn(own)).toBe('drug-discovery');
    expect(withOwn(none)).toBeNull();
  });
  it('filters by theme, inherited themes included, and keeps ancestors for context in the tree', () => {
    const infection = ids(searchPrograms(programs, { theme: 'infectious-disease' }));
    expect(infection).toContain('emerging-infectious-disease-research-base');
    expect(infection).toContain('nagasaki-bsl4-research');
    expect(infection).not.toContain('binds');
    const rows = programTreeRows(programs, { query: { theme: 'drug-discovery' } });
    expect(rows.map((r) => r.program.id)).toEqual(expect.arrayContaining(['translational-research', 'translational-research-support', 'binds']));
    expect(rows.every((r) => r.matches)).toBe(true);
    expect(rows.map((r) => r.program.id)).not.toContain('hfsp');
    // The screen passes the resolver it keeps: the same rows.
    const themeOf = themeResolver(programs);
    expect(programTreeRows(programs, { query: { theme: 'drug-discovery' }, themeOf })).toEqual(rows);
    expect(themesInUse(programs, themes, themeOf)).toEqual(themesInUse(programs, themes));
  });
  it('lists the themes in use in the edition’s order, with short labels', () => {
    expect(themesInUse(programs, themes)).toEqual(['research-capacity', 'life-course', 'drug-discovery', 'infectious-disease', 'infrastructure-international']);
    expect(themesInUse(programs.filter((p) => p.id === 'binds'), themes)).toEqual(['drug-discovery']);
    expect(themeLabel(themes, 'life-course', 'ja')).toBe('ライフ・コース');
    expect(themeLabel(themes, 'life-course', 'ja', false)).toBe('ライフ・コースに着目した研究開発');
    expect(themeLabel(themes, 'life-course', 'en')).toBe('Life course');
    expect(themeLabel(themes, 'no-such-theme', 'ja')).toBe('no-such-theme');
  });
  it('merges theme lists, the first definition of an id winning', () => {
    const merged = mergeThemes([themes, [{ id: 'life-course', nameJa: '別名', nameEn: '' }, { id: 'office-x', nameJa: '事務所の分類', nameEn: '' }], undefined]);
    expect(merged.map((t) => t.id)).toEqual([...themes.map((t) => t.id), 'office-x']);
    expect(merged.find((t) => t.id === 'life-course')?.nameJa).toBe('ライフ・コースに着目した研究開発');
  });
});

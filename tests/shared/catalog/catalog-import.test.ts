// JSON edition import: every bad shape becomes a plain-language problem, and good input becomes a typed catalog.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { checkProgramEdit, describeImportProblems, importCatalogJson, newProgramId } from '../../../shared/catalog/catalog-import';
import type { CatalogImport } from '../../../shared/catalog/catalog-import';

const good = JSON.stringify(BUILTIN_CATALOG);
const mutate = (f: (c: typeof BUILTIN_CATALOG) => void): string => {
  const copy = structuredClone(BUILTIN_CATALOG);
  f(copy);
  return JSON.stringify(copy);
};
const lines = (r: CatalogImport, lang: 'ja' | 'en' = 'ja') => (r.ok ? [] : describeImportProblems(r, lang));

describe('importCatalogJson', () => {
  it('accepts a valid edition (with a BOM)', () => {
    const r = importCatalogJson('\uFEFF' + good);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.catalog.programs).toHaveLength(BUILTIN_CATALOG.programs.length);
  });
  it('explains text that is not JSON', () => {
    const r = importCatalogJson('{ not json');
    expect(r.ok).toBe(false);
    expect(lines(r)[0]).toContain('JSON');
  });
  it('explains a missing programs list and a wrong root', () => {
    expect(importCatalogJson('[]').ok).toBe(false);
    const r = importCatalogJson(JSON.stringify({ edition: BUILTIN_CATALOG.edition }));
    expect(lines(r)[0]).toContain('事業一覧');
  });
  it('names the program and field for a wrong type', () => {
    const r = importCatalogJson(mutate((c) => { (c.programs[0]!.budgetYen as { request: unknown }).request = '36億'; }));
    expect(lines(r)[0]).toBe(`1番目の事業「${BUILTIN_CATALOG.programs[0]!.nameJa}」 「予算額」：数値を入れてください`);
    expect(lines(r, 'en')[0]).toContain('budget request: must be a number');
  });
  it('reports bad ids, duplicates, unknown parents and reversed periods', () => {
    const r = importCatalogJson(mutate((c) => {
      c.programs[1]!.id = 'Bad Id';
      c.programs[2]!.id = c.programs[3]!.id;
    }));
    expect(lines(r).join('\n')).toContain('半角の英小文字');
    const dup = importCatalogJson(mutate((c) => { c.programs[2]!.id = c.programs[4]!.id; }));
    expect(lines(dup).join('\n')).toContain('重複');
    const parent = importCatalogJson(mutate((c) => { c.programs[5]!.parentId = 'ghost'; }));
    expect(lines(parent).join('\n')).toContain('親事業「ghost」が見つかりません');
    const period = importCatalogJson(mutate((c) => { c.programs[0]!.period = { startFiscalYear: 2030, endFiscalYear: 2020 }; }));
    expect(lines(period).join('\n')).toContain('開始年度が終了年度より後');
  });
  it('limits a flood of problems', () => {
    const r = importCatalogJson(mutate((c) => { for (const p of c.programs) p.nameJa = ''; }));
    const out = lines(r);
    expect(out.length).toBeLessThanOrEqual(21);
    expect(out[out.length - 1]).toMatch(/ほか\d+件/);
  });
});

describe('checkProgramEdit and newProgramId', () => {
  it('accepts an office program and refuses a cycle', () => {
    const all = BUILTIN_CATALOG.programs;
    const mine = { ...all[0]!, id: 'office-jsps', parentId: null, nameJa: '科研費', tracks: [] };
    expect(checkProgramEdit(all, mine).ok).toBe(true);
    const cyc = checkProgramEdit(all, { ...all.find((p) => p.id === 'b-cure')!, parentId: 'grifin' });
    expect(cyc.ok).toBe(false);
  });
  it('makes unique slug ids', () => {
    expect(newProgramId('JSPS KAKENHI', new Set())).toBe('office-jsps-kakenhi');
    expect(newProgramId('JSPS KAKENHI', new Set(['office-jsps-kakenhi']))).toBe('office-jsps-kakenhi-2');
    expect(newProgramId('科研費', new Set())).toBe('office-program');
  });
});

// The catalog Worker's check: JSON bytes and workbook grids both pass the catalog gate, problems come back as plain
// sentences in the asked language, and the summary counts stored and built-in ids as replaced, the rest as added.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { catalogToSheets } from '../../../shared/catalog/catalog-sheet';
import { checkEdition, encodeEdition, summarizeEdition } from '../../../renderer/workers/catalog-edition';
import { readWorkbookGrids, writeWorkbookBytes } from '../../../shared/excel/sheetjs';

const edition = () => {
  const next = structuredClone(BUILTIN_CATALOG);
  next.edition = { ...next.edition, id: 'next-edition', titleJa: '次の版', titleEn: 'Next edition' };
  const first = next.programs[0]!;
  next.programs.push({ ...first, id: 'brand-new-program', parentId: null, nameJa: '新しい事業', nameEn: 'New program' });
  return next;
};
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

describe('checkEdition', () => {
  it('accepts a valid edition as JSON bytes and as workbook grids', () => {
    const fromJson = checkEdition({ json: json(edition()) }, 'ja');
    expect(fromJson.ok && fromJson.catalog.programs.length).toBe(edition().programs.length);
    const grids = readWorkbookGrids(writeWorkbookBytes(catalogToSheets(edition())));
    const fromSheets = checkEdition({ sheets: grids.sheets }, 'en');
    expect(fromSheets.ok && fromSheets.catalog.edition.id).toBe('next-edition');
  });

  it('describes problems in the asked language and refuses what is not JSON', () => {
    const bad = edition();
    bad.programs.push({ ...bad.programs[0]!, id: 'Not A Slug' });
    const ja = checkEdition({ json: json(bad) }, 'ja');
    const en = checkEdition({ json: json(bad) }, 'en');
    expect(ja.ok).toBe(false);
    expect(en.ok).toBe(false);
    if (!ja.ok && !en.ok) {
      expect(ja.lines.length).toBeGreaterThan(0);
      expect(ja.lines).not.toEqual(en.lines);
    }
    expect(checkEdition({ json: new TextEncoder().encode('{oops') }, 'en').ok).toBe(false);
  });
});

describe('summarizeEdition', () => {
  it('counts built-in and stored ids as replaced, the others as added', () => {
    const e = edition();
    const plain = summarizeEdition(e, []);
    expect(plain).toMatchObject({ id: 'next-edition', titleJa: '次の版', programs: e.programs.length, added: 1, replaced: e.programs.length - 1 });
    expect(summarizeEdition(e, ['brand-new-program'])).toMatchObject({ added: 0, replaced: e.programs.length });
  });
});

describe('encodeEdition', () => {
  it('writes JSON and a workbook that the import reads back as the same edition', async () => {
    const source = edition();
    const fromJson = checkEdition({ json: await encodeEdition(source, 'json') }, 'ja');
    expect(fromJson.ok && fromJson.catalog).toEqual(source);
    const bytes = await encodeEdition(source, 'xlsx');
    // A zip (PK) workbook whose grids pass the gate with every program, the new one by its own name.
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const fromSheets = checkEdition({ sheets: readWorkbookGrids(bytes).sheets }, 'en');
    expect(fromSheets.ok).toBe(true);
    if (fromSheets.ok) {
      expect(fromSheets.catalog.edition.id).toBe('next-edition');
      expect(fromSheets.catalog.programs.map((p) => p.id)).toEqual(source.programs.map((p) => p.id));
      expect(fromSheets.catalog.programs.find((p) => p.id === 'brand-new-program')?.nameJa).toBe('新しい事業');
    }
  });
});

// The hostile corpus through the Excel customs gate (the same pipeline the import Worker and the CLI run): every file
// gets a clear message in both languages, nothing crashes, the zip bomb is refused before inflation, and no header
// text ever becomes an object key.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { parseCatalogEdition } from '../../shared/catalog/schema';
import { runImportPipeline } from '../../shared/excel/import-pipeline';
import type { PipelineResult } from '../../shared/excel/import-pipeline';
import { badValues, emptyFile, formulaSheet, hugeUsedRange, longCells, prototypeHeaders, textRenamedXlsx, truncatedXlsx, WRONG_CATALOG, zipBomb } from './corpus';

const run = (bytes: Uint8Array): PipelineResult => runImportPipeline(bytes, { programs: BUILTIN_CATALOG.programs });

function failure(r: PipelineResult) {
  if (r.ok) throw new Error(`expected a refusal, got ${r.result.projects.length} projects`);
  return r;
}

function success(r: PipelineResult) {
  if (!r.ok) throw new Error(`expected a parse, got: ${r.message.en}`);
  return r.result;
}

describe('hostile workbooks', () => {
  it('refuses an empty file, a truncated xlsx and a text file renamed .xlsx with a message', () => {
    for (const bytes of [emptyFile(), truncatedXlsx()]) {
      const r = failure(run(bytes));
      expect(r.message.en.length).toBeGreaterThan(10);
      expect(r.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    // A text file named .xlsx is not taken for a sheet with no header row: it is refused as what it is.
    const text = failure(run(textRenamedXlsx()));
    expect(text.message.en).toMatch(/not an Excel workbook/);
    expect(text.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = await zipBomb(2);
    expect(bomb.byteLength).toBeLessThan(16 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const r = failure(run(bomb));
    expect(r.refused).toBe(true);
    expect(r.message.en).toMatch(/unpack|not opened/i);
    expect(r.message.ja).toMatch(/開きませんでした/);
    // Inflating would need over 2 GB; refusing first keeps the process where it was.
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);

  it('reads a sheet claiming A1:XFD1048576 by what it holds', () => {
    const r = success(run(hugeUsedRange()));
    expect(r.projects.map((p) => p.code)).toEqual(['U-1', 'U-2']);
  });

  it('never turns header text into object keys', () => {
    const r = success(run(prototypeHeaders()));
    expect(r.projects.map((p) => p.code)).toEqual(['P-1']);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'y')).toBe(false);
    expect(typeof ({}).constructor).toBe('function');
  });

  it('keeps formulas as inert text or cached values, never evaluating them', () => {
    const r = success(run(formulaSheet()));
    const byCode = new Map(r.projects.map((p) => [p.code, p]));
    expect(byCode.get('F-1')?.fields.title).toBe('click');
    expect(byCode.get('F-1')?.fields.pi).toBe("=cmd|' /C calc'!A0");
    expect(byCode.get('F-2')?.fields.title).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('keeps a long cell within the rules whole and refuses a 10,000-character one with the rule, never cutting it', () => {
    const r = success(run(longCells()));
    expect(r.projects.map((p) => [p.code, p.fields.title?.length])).toEqual([['L-1', 2_000]]);
    expect(r.errorRows).toHaveLength(1);
    const row = r.errorRows[0]!.row;
    expect(r.problems.filter((p) => p.row === row && p.severity === 'error').map((p) => p.message.en)).toEqual([expect.stringMatching(/at most 2000 characters/)]);
  });

  it('marks impossible dates, reversed periods, negative amounts and duplicate IDs as row errors', () => {
    const r = success(run(badValues()));
    const errorRows = new Set(r.problems.filter((p) => p.severity === 'error').map((p) => p.row));
    // Title rows 1–2, header row 3, data from row 4: D-1 … D-6 twice are rows 4–10; both rows of the repeated D-6 are
    // marked, since neither can be told to be the right one.
    for (const row of [4, 5, 6, 7, 8, 9, 10]) expect(errorRows.has(row), `row ${row}`).toBe(true);
    expect(r.projects.map((p) => p.code)).not.toContain('D-1');
    expect(r.problems.every((p) => p.message.en.length > 0 && p.message.ja.length > 0)).toBe(true);
  });
});

describe('hostile catalog editions', () => {
  it('lists problems for an edition of the wrong shape', () => {
    const r = parseCatalogEdition(WRONG_CATALOG);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.length).toBeGreaterThan(1);
    expect(parseCatalogEdition('not an object').ok).toBe(false);
    expect(parseCatalogEdition(JSON.parse('{"__proto__": {"polluted": true}, "edition": null}')).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

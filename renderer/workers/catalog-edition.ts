// The catalog Worker's work, kept apart from its Worker scope so it can be tested: parse and check an edition through
// the catalog gate (describing problems in plain sentences), count what it adds and replaces, and encode the office's
// catalog for export.
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { describeImportProblems, importCatalogJson, importCatalogSheets } from '../../shared/catalog/catalog-import';
import type { CatalogEdition } from '../../shared/catalog/schema';
import type { SheetGrid } from '../../shared/excel/sheetjs';
import type { EditionSummary } from './catalog-jobs';

/** SheetJS and the sheet layout, imported at the first Excel export only: a JSON edition's check never needs them,
 * and SheetJS builds its tables at module load. */
const loadExcel = () => Promise.all([import('../../shared/excel/sheetjs'), import('../../shared/catalog/catalog-sheet')]);

export type CheckedEdition = { ok: true; catalog: CatalogEdition } | { ok: false; lines: string[] };

/** JSON bytes or workbook grids → a validated edition, or its problems as sentences in `lang`. */
export function checkEdition(input: { json: Uint8Array } | { sheets: readonly SheetGrid[] }, lang: 'ja' | 'en'): CheckedEdition {
  const result = 'json' in input ? importCatalogJson(new TextDecoder('utf-8').decode(input.json)) : importCatalogSheets(input.sheets);
  return result.ok ? result : { ok: false, lines: describeImportProblems(result, lang) };
}

/** The confirmation's figures: programs whose id is stored already or built in are replaced, the others added. */
export function summarizeEdition(catalog: CatalogEdition, storedIds: readonly string[]): EditionSummary {
  const known = new Set([...storedIds, ...BUILTIN_CATALOG.programs.map((p) => p.id)]);
  const replaced = catalog.programs.filter((p) => known.has(p.id)).length;
  const { id, titleJa, titleEn, fiscalYear } = catalog.edition;
  return { id, titleJa, titleEn, fiscalYear, programs: catalog.programs.length, added: catalog.programs.length - replaced, replaced };
}

/** An edition as the file the office saves: pretty JSON (what the JSON import reads back) or the two-sheet workbook. */
export async function encodeEdition(catalog: CatalogEdition, format: 'json' | 'xlsx'): Promise<Uint8Array> {
  if (format === 'json') return new TextEncoder().encode(`${JSON.stringify(catalog, null, 2)}\n`);
  const [{ writeWorkbookBytes }, { catalogToSheets }] = await loadExcel();
  return writeWorkbookBytes(catalogToSheets(catalog));
}

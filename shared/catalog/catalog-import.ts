// The entry points for catalogs from outside (a JSON file, an Excel workbook) and for the office's own edits:
// each ends in parseCatalogEdition, so nothing unvalidated reaches the database.
import type { SheetGrid } from '../excel/sheetjs';
import { sheetsToCatalogInput } from './catalog-sheet';
import { describeCatalogProblem } from './problem-text';
import type { ProblemContext } from './problem-text';
import { parseCatalogEdition } from './schema';
import type { CatalogEdition, CatalogProblem, CatalogProgram } from './schema';

export type CatalogImport =
  | { ok: true; catalog: CatalogEdition }
  | { ok: false; problems: CatalogProblem[]; context: ProblemContext };

function programsOf(input: unknown): ProblemContext['programs'] {
  if (input && typeof input === 'object' && Array.isArray((input as { programs?: unknown }).programs)) {
    return ((input as { programs: unknown[] }).programs).map((p) => (p && typeof p === 'object' ? (p as { id?: unknown; nameJa?: unknown }) : {}));
  }
  return undefined;
}

/** A catalog edition from JSON text (a file's contents). */
export function importCatalogJson(text: string): CatalogImport {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ path: '(file)', message: `not JSON: ${(e as Error).message}` }], context: {} };
  }
  const parsed = parseCatalogEdition(input);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems, context: { programs: programsOf(input) } };
}

/** A catalog edition from workbook grids (as written by catalogToSheets); sheet problems come with row numbers. */
export function importCatalogSheets(sheets: readonly SheetGrid[]): CatalogImport {
  const read = sheetsToCatalogInput(sheets);
  const context: ProblemContext = { programs: programsOf(read.input), programRows: read.programRows };
  if (read.problems.length || read.input === null) return { ok: false, problems: read.problems, context };
  const parsed = parseCatalogEdition(read.input);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems, context };
}

/** Problems of a catalog import as plain sentences (at most `limit`, with a "… and N more" line). */
export function describeImportProblems(result: Extract<CatalogImport, { ok: false }>, lang: 'ja' | 'en', limit = 20): string[] {
  const lines = result.problems.slice(0, limit).map((p) => describeCatalogProblem(p, lang, result.context));
  const more = result.problems.length - limit;
  if (more > 0) lines.push(lang === 'ja' ? `ほか${more}件` : `and ${more} more`);
  return lines;
}

/**
 * Checks a whole program list as it would be after an edit (unique ids, parents exist, no cycles, valid fields),
 * through the same gate as an imported edition. Returns the validated program on success.
 */
export function checkProgramEdit(
  all: readonly CatalogProgram[],
  edited: CatalogProgram,
): { ok: true; program: CatalogProgram } | { ok: false; problems: CatalogProblem[]; context: ProblemContext } {
  const programs = [...all.filter((p) => p.id !== edited.id), edited];
  const parsed = parseCatalogEdition({
    edition: { id: 'office-check', fiscalYear: 2000, titleJa: '', titleEn: '', source: '', totals: {} },
    programs,
  });
  if (parsed.ok) return { ok: true, program: parsed.catalog.programs[parsed.catalog.programs.length - 1]! };
  return { ok: false, problems: parsed.problems, context: { programs } };
}

/** A fresh program id for an office's own funder: office-<slug of the English name>[-n], unique among `taken`. */
export function newProgramId(nameEn: string, taken: ReadonlySet<string>): string {
  const slug = nameEn.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  const base = `office-${slug || 'program'}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

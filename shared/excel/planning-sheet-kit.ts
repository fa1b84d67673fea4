// Small shared pieces of the planning sheets (Researchers, Members, Applications, Requests): header lookup in English
// or Japanese, label lookup, and problems in both languages. Kept apart from standard-workbook.ts, whose reader is
// being replaced, so the planning sheets do not depend on its private helpers.
import type { Bilingual } from '../domain/message';
import { fold } from '../text/fold';
import { cellRawText } from './cell-values';
import type { ImportProblem, Severity } from './import-types';
import type { Cell, SheetGrid } from './sheetjs';
import { restoreText } from './standard-workbook';

/** The sheet with one of the names (exact first, then folded), or undefined. */
export function findSheetByName(sheets: readonly SheetGrid[], names: Bilingual): SheetGrid | undefined {
  return sheets.find((s) => s.name === names.en || s.name === names.ja) ?? sheets.find((s) => fold(s.name) === fold(names.en) || fold(s.name) === fold(names.ja));
}

/** Column index of every header found in row 1 (English or Japanese, plus synonyms), or null when a required one is missing. */
export function locateHeaders<K extends string>(
  row: readonly Cell[] | undefined,
  table: Readonly<Record<K, Bilingual>>,
  required: readonly NoInfer<K>[],
  synonyms?: Readonly<Partial<Record<K, readonly string[]>>>,
): Map<K, number> | null {
  if (!row) return null;
  const wanted = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) {
    for (const name of [table[key].en, table[key].ja, ...(synonyms?.[key] ?? [])]) wanted.set(fold(name), key);
  }
  const found = new Map<K, number>();
  row.forEach((cell, c) => {
    const key = wanted.get(fold(cellRawText(cell)));
    if (key !== undefined && !found.has(key)) found.set(key, c);
  });
  return required.every((k) => found.has(k)) ? found : null;
}

/** Lookup from a key, its English label and its Japanese label (folded) to the key, plus extra synonyms. */
export function labelLookup<V extends string>(table: Readonly<Record<V, Bilingual>>, synonyms: Readonly<Record<string, V>> = {}): Map<string, V> {
  const m = new Map<string, V>();
  for (const key of Object.keys(table) as V[]) {
    m.set(fold(key), key);
    m.set(fold(table[key].en), key);
    m.set(fold(table[key].ja), key);
  }
  for (const [text, key] of Object.entries(synonyms)) m.set(fold(text), key);
  return m;
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((c) => c === null || (typeof c === 'string' && !c.trim()));
}

/** Text of a column (the export's formula guard removed); '' when the column is absent. */
export function textAt(row: readonly Cell[], c: number | undefined): string {
  return c === undefined ? '' : restoreText(cellRawText(row[c] ?? null));
}

export function sheetProblem(sheet: string, row: number, column: string | null, severity: Severity, reason: Bilingual): ImportProblem {
  return { sheet, row, column, severity, message: reason };
}

/** Rows starting with 例 or EXAMPLE are the template's examples. */
export const EXAMPLE_KEY = /^(?:[(（]?例|example)/i;

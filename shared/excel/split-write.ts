// A workbook written on two threads: its biggest sheet is written as a part elsewhere (a helper Worker) while this
// thread writes the other sheets and the shell, then the parts are assembled (xlsx-parts.ts) into the same workbook one
// `writeWorkbookBytes` call gives. The reports workbook is one big schedule beside one big risk list (issue 14).
import { writeSheetPart, writeWorkbookBytes, writeWorkbookShell } from './sheetjs';
import type { SheetSpec } from './sheetjs';
import { assembleWorkbook, formatSeed, PartRefused } from './xlsx-parts';

/** Writes one sheet as a part (`writeSheetPart`) somewhere else; rejects when that place failed. */
export type PartWriter = (spec: SheetSpec, seed: string[]) => Promise<Uint8Array>;

/** A sheet's size for the split: its cells (rows × widest row). */
function cellCount(spec: SheetSpec): number {
  let width = 0;
  for (const row of spec.rows) if (row.length > width) width = row.length;
  return spec.rows.length * width;
}

/** Below this many cells in its biggest sheet a workbook is written here in one call: handing over costs more. */
const SPLIT_MIN_CELLS = 20_000;

/**
 * The workbook of `sheets`, its biggest sheet written by `away` meanwhile. Falls back to one call here when the
 * workbook is small, the parts cannot be assembled faithfully (`PartRefused`), or `away` failed.
 */
export async function writeWorkbookSplit(sheets: SheetSpec[], away: PartWriter, minCells = SPLIT_MIN_CELLS): Promise<Uint8Array> {
  const sizes = sheets.map(cellCount);
  const biggest = sizes.indexOf(Math.max(...sizes));
  if (sheets.length < 2 || sizes[biggest]! < minCells) return writeWorkbookBytes(sheets);
  const seed = formatSeed(sheets);
  const far = away(sheets[biggest]!, seed);
  // Settled either way before any fallback, so a failure there never goes unhandled while this thread writes.
  const farSettled = far.then(
    (bytes) => ({ ok: true as const, bytes }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    const parts = sheets.map((spec, i) => (i === biggest ? null : writeSheetPart(spec, seed)));
    const shell = writeWorkbookShell(sheets, seed);
    const answer = await farSettled;
    if (!answer.ok) return writeWorkbookBytes(sheets);
    parts[biggest] = answer.bytes;
    return assembleWorkbook(shell, parts as Uint8Array[]);
  } catch (err) {
    if (!(err instanceof PartRefused)) throw err;
    await farSettled;
    return writeWorkbookBytes(sheets);
  }
}

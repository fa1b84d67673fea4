// Small builders shared by the corpus layouts: date cells and merged ranges written as an office would draw them.
import type { Cell, SheetSpec } from '../../shared/excel/sheetjs';

export type Merge = NonNullable<SheetSpec['merges']>[number];

/** A real date cell (an Excel serial once written). */
export const d = (iso: string): Cell => ({ kind: 'date', iso });

/** A merged range, 0-based inclusive: rows r1..r2, columns c1..c2. */
export const merge = (r1: number, c1: number, r2: number, c2: number): Merge => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } });

/** Vertical merges of a two-row header band for the columns that have no sub-header. */
export function verticalMerges(row: number, columns: readonly number[]): Merge[] {
  return columns.map((c) => merge(row, c, row + 1, c));
}

/** Era formats Japanese Excel offers for dates (令和7年4月1日 and R7.4.1). */
export const ERA_LONG = '[$-ja-JP]ggge"年"m"月"d"日"';
export const ERA_SHORT = '[$-411]ge.m.d';

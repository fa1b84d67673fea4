// Stage 2 of the import, grid: merged cells expanded by one stated policy, every cell of a merged range carries the
// value of its top-left cell. A merged header cell (研究開発期間 over 開始 | 終了) thus names each column it spans,
// and a program name merged down several rows belongs to each. A sheet without merges is returned as it is.
import type { Cell, SheetGrid } from './sheetjs';

/** The grid with every merged range filled with its top-left value (rows copied only where a merge touches them). */
export function expandMerges(grid: SheetGrid): SheetGrid {
  const merges = grid.merges.filter((m) => m.e.r > m.s.r || m.e.c > m.s.c);
  if (!merges.length) return grid;
  const rows = grid.rows.slice();
  const copied = new Set<number>();
  for (const m of merges) {
    const value: Cell = grid.rows[m.s.r]?.[m.s.c] ?? null;
    if (value === null) continue;
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      const row = rows[r]!;
      for (let c = m.s.c; c <= m.e.c; c++) if (row[c] === null || row[c] === undefined || row[c] === '') row[c] = value;
    }
  }
  return { ...grid, rows };
}

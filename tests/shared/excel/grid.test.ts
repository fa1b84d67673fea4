// The grid stage: merged cells carry their top-left value in every cell they span.
import { describe, expect, it } from 'vitest';
import { expandMerges } from '../../../shared/excel/grid';
import type { SheetGrid } from '../../../shared/excel/sheetjs';

describe('expandMerges', () => {
  it('fills a merged header across its columns and a merged cell down its rows', () => {
    const grid: SheetGrid = {
      name: 'S', hidden: false,
      rows: [['研究開発期間', null, '課題名'], ['開始', '終了', null], ['R7.4.1', 'R8.3.31', 'A'], [null, null, 'B']],
      merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }, { s: { r: 0, c: 2 }, e: { r: 1, c: 2 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }],
    };
    const out = expandMerges(grid);
    expect(out.rows).toEqual([['研究開発期間', '研究開発期間', '課題名'], ['開始', '終了', '課題名'], ['R7.4.1', 'R8.3.31', 'A'], ['R7.4.1', null, 'B']]);
    expect(grid.rows[1]).toEqual(['開始', '終了', null]);
  });

  it('returns a grid without merges as it is (no copy)', () => {
    const grid: SheetGrid = { name: 'S', hidden: false, rows: [['a']], merges: [] };
    expect(expandMerges(grid)).toBe(grid);
  });
});

// Finds the table in an office's sheet: which sheet (the one whose header row names the most known fields; a cover
// sheet scores nothing), which row is the header (below title rows, possibly two rows under a merged group header such
// as 研究開発期間 over 開始/終了), and what the title rows say (a 単位：千円 note, a 令和7年度 title).
import { cellText, unitInText } from './cell-values';
import type { AmountUnit } from './cell-values';
import { fiscalYearInHeader, headerScore } from './column-map';
import type { Cell, SheetGrid } from './sheetjs';

/** Rows searched for a header at the top of each sheet. */
const HEADER_SEARCH_ROWS = 40;

export interface HeaderInfo {
  sheetIndex: number;
  sheetName: string;
  /** 0-based index of the last header row; data starts on the next row. */
  headerRow: number;
  /** 0-based index of the first header row (equal to headerRow for a one-row header). */
  headerTop: number;
  /** Header text per column (a group header and its sub-header joined by a space). */
  headers: string[];
  score: number;
  /** Unit from a 単位 note above the header (or in the title), or null. */
  unitNote: AmountUnit | null;
  /** Fiscal year named in the title rows (「令和7年度 課題一覧」), used for budget columns without a year. */
  titleFiscalYear: number | null;
}

export interface SheetCandidate {
  index: number;
  name: string;
  score: number;
  hidden: boolean;
  rowCount: number;
}

/** Value of every cell inside a merged range is the value of its top-left cell (only for the header area). */
function filledRow(grid: SheetGrid, r: number, width: number): string[] {
  const row = grid.rows[r] ?? [];
  const out: string[] = new Array(width).fill('');
  for (let c = 0; c < width; c++) out[c] = cellText(row[c] ?? null);
  for (const m of grid.merges) {
    if (r < m.s.r || r > m.e.r) continue;
    const top = cellText(grid.rows[m.s.r]?.[m.s.c] ?? null);
    for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) out[c] = top;
  }
  return out;
}

function rowWidth(grid: SheetGrid, upTo: number): number {
  let w = 0;
  for (let r = 0; r < Math.min(grid.rows.length, upTo); r++) w = Math.max(w, grid.rows[r]?.length ?? 0);
  for (const m of grid.merges) if (m.s.r < upTo) w = Math.max(w, m.e.c + 1);
  return w;
}

function hasHorizontalMerge(grid: SheetGrid, r: number): boolean {
  return grid.merges.some((m) => m.s.r === r && m.e.c > m.s.c);
}

function joinLabels(top: string[], bottom: string[]): string[] {
  return bottom.map((b, c) => {
    const t = top[c] ?? '';
    if (!t || t === b) return b;
    if (!b) return t;
    return `${t} ${b}`;
  });
}

/** Best header row of one sheet, or null when nothing looks like a header. */
export function detectHeader(grid: SheetGrid, sheetIndex: number): HeaderInfo | null {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  const width = rowWidth(grid, limit + 1);
  let best: { headerRow: number; headerTop: number; headers: string[]; score: number } | null = null;
  for (let r = 0; r < limit; r++) {
    const single = filledRow(grid, r, width);
    const candidates: { top: number; headers: string[] }[] = [{ top: r, headers: single }];
    if (r > 0 && hasHorizontalMerge(grid, r - 1)) {
      const above = filledRow(grid, r - 1, width);
      // A title merged across the whole table is one value; a group header row has several.
      if (new Set(above.filter(Boolean)).size >= 2) candidates.push({ top: r - 1, headers: joinLabels(above, single) });
    }
    for (const cand of candidates) {
      const score = headerScore(cand.headers);
      // Prefer the two-row reading on ties (it carries the group's meaning), and earlier rows otherwise.
      if (!best || score > best.score || (score === best.score && cand.top < r && best.headerRow === r)) {
        best = { headerRow: r, headerTop: cand.top, headers: cand.headers, score };
      }
    }
  }
  if (!best || best.score < 3) return null;
  const headers = best.headers.slice();
  while (headers.length && !headers[headers.length - 1]) headers.pop();
  let unitNote: AmountUnit | null = null;
  let titleFiscalYear: number | null = null;
  for (let r = 0; r < best.headerTop; r++) {
    for (const cell of grid.rows[r] ?? []) {
      const text = cellText(cell as Cell);
      if (!text) continue;
      if (unitNote === null && /単位|unit/i.test(text)) unitNote = unitInText(text);
      if (titleFiscalYear === null && /年度|FY/i.test(text)) titleFiscalYear = fiscalYearInHeader(text)?.fiscalYear ?? null;
    }
  }
  return { sheetIndex, sheetName: grid.name, headerRow: best.headerRow, headerTop: best.headerTop, headers, score: best.score, unitNote, titleFiscalYear };
}

/**
 * Scores every sheet and picks the one whose header row matches best; hidden sheets only when nothing else matches.
 * Returns the candidates (for the sheet picker) and the chosen header, or null when no sheet has a recognisable header.
 */
export function chooseSheet(sheets: readonly SheetGrid[]): { candidates: SheetCandidate[]; chosen: HeaderInfo | null } {
  const infos = sheets.map((s, i) => detectHeader(s, i));
  const candidates = sheets.map((s, i): SheetCandidate => ({ index: i, name: s.name, score: infos[i]?.score ?? 0, hidden: s.hidden, rowCount: s.rows.length }));
  let chosen: HeaderInfo | null = null;
  for (const info of infos) {
    if (!info) continue;
    const hiddenPenalty = sheets[info.sheetIndex]!.hidden ? 100 : 0;
    const chosenPenalty = chosen && sheets[chosen.sheetIndex]!.hidden ? 100 : 0;
    if (!chosen || info.score - hiddenPenalty > chosen.score - chosenPenalty) chosen = info;
  }
  return { candidates, chosen };
}

// Stage 3 of the import, table detection: which sheet holds the table, where its header is (below title, print-date
// and unit rows; a band of one to three rows joined as 研究開発期間/開始 or 令和7年度/直接経費), and what each row below
// it is: data, a section row naming the department or funder of the rows under it (【医学研究科】, ■AMED), a 小計/合計
// row, a footnote (※ …), a repeated header or a blank separator. Grids come in with merges expanded (grid.ts).
import { cellText, unitInText } from './cell-values';
import type { AmountUnit } from './cell-values';
import { headerScore } from './column-infer';
import { yearInSegment } from './header-words';
import type { Cell, SheetGrid } from './sheetjs';
import { DEPARTMENT } from './value-detect';

/** Rows searched for a header at the top of each sheet. */
const HEADER_SEARCH_ROWS = 40;
const MAX_BAND = 3;

export interface HeaderInfo {
  sheetIndex: number;
  sheetName: string;
  /** 0-based index of the last header row; data starts on the next row. */
  headerRow: number;
  /** 0-based index of the first header row (equal to headerRow for a one-row header). */
  headerTop: number;
  /** Header text per column, a band's rows joined top to bottom with "/" (研究開発期間/開始). */
  headers: string[];
  score: number;
  /** Unit from a 単位 note above the header (or in the title), or null. */
  unitNote: AmountUnit | null;
  /** Fiscal year named in the title rows (「令和7年度 課題一覧」), used for budget columns without a year. */
  titleFiscalYear: number | null;
  /** Department named in brackets in a title row (「受託研究受入一覧（医学研究科）」), or null. */
  titleDepartment: string | null;
}

export interface SheetCandidate {
  index: number;
  name: string;
  score: number;
  hidden: boolean;
  rowCount: number;
}

const looksLikeValue = (cell: Cell): boolean =>
  typeof cell === 'number' || (typeof cell === 'object' && cell !== null) || (typeof cell === 'string' && /^[\d\s,.\-/:¥￥]+$/.test(cell.trim()) && /\d/.test(cell));

function texts(grid: SheetGrid, r: number, width: number): string[] {
  const row = grid.rows[r] ?? [];
  const out = new Array<string>(width);
  for (let c = 0; c < width; c++) out[c] = cellText(row[c] ?? null);
  return out;
}

/** A row that can sit above others in a header band: several distinct words (a title has one), no figures or dates. */
function canBeUpper(grid: SheetGrid, r: number, t: string[]): boolean {
  if ((grid.rows[r] ?? []).some((c) => c !== null && looksLikeValue(c))) return false;
  return new Set(t.filter(Boolean)).size >= 2;
}

/**
 * Whether row `lower` can sit under `upper` in a header band: no figures or dates, and every new word stands under a
 * group (an upper cell repeated beside it, or blank), never under a lone header such as 管理番号 (that is data).
 */
function canBeLower(grid: SheetGrid, r: number, upper: string[], lower: string[]): boolean {
  if ((grid.rows[r] ?? []).some((c) => c !== null && looksLikeValue(c))) return false;
  let fresh = 0;
  for (let c = 0; c < lower.length; c++) {
    const v = lower[c]!;
    if (!v || v === upper[c]) continue;
    fresh++;
    const u = upper[c]!;
    if (u && u !== upper[c - 1] && u !== upper[c + 1]) return false;
  }
  return fresh > 0;
}

/** A band's header texts: each column's distinct words top to bottom joined by "/"; a blank group cell takes its left neighbour's group. */
function joinBand(rows: string[][]): string[] {
  const width = rows[0]!.length;
  const filled = rows.map((r) => r.slice());
  for (let i = 0; i < filled.length - 1; i++) {
    const row = filled[i]!;
    const below = filled[i + 1]!;
    for (let c = 1; c < width; c++) if (!row[c] && below[c] && row[c - 1] && below[c - 1] && below[c - 1] !== row[c - 1]) row[c] = row[c - 1]!;
  }
  const out = new Array<string>(width);
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of filled) {
      const v = row[c]!;
      if (v && v !== parts[parts.length - 1]) parts.push(v);
    }
    out[c] = parts.join('/');
  }
  return out;
}

/** Best header band of one sheet, or null when nothing looks like a header. */
export function detectHeader(grid: SheetGrid, sheetIndex: number): HeaderInfo | null {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  let width = 0;
  for (let r = 0; r < limit; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  const rowTexts: string[][] = [];
  for (let r = 0; r < limit; r++) rowTexts.push(texts(grid, r, width));
  let best: { headerRow: number; headerTop: number; headers: string[]; score: number } | null = null;
  for (let r = 0; r < limit; r++) {
    let here = { headerRow: r, headerTop: r, headers: rowTexts[r]!, score: headerScore(rowTexts[r]!) };
    // Grow the band upwards while each added row is a group row over the one below it and names no fewer fields
    // (on a tie the band wins: 令和7年度 over 直接経費 carries the year).
    for (let k = 2; k <= MAX_BAND && r - k + 1 >= 0; k++) {
      const top = r - k + 1;
      if (!canBeUpper(grid, top, rowTexts[top]!) || !canBeLower(grid, top + 1, rowTexts[top]!, rowTexts[top + 1]!)) break;
      const headers = joinBand(rowTexts.slice(top, r + 1));
      const score = headerScore(headers);
      if (score < here.score) break;
      here = { headerRow: r, headerTop: top, headers, score };
    }
    if (!best || here.score > best.score) best = here;
  }
  if (!best || best.score < 3) return null;
  const headers = best.headers.slice();
  while (headers.length && !headers[headers.length - 1]) headers.pop();
  let unitNote: AmountUnit | null = null;
  let titleFiscalYear: number | null = null;
  let titleDepartment: string | null = null;
  for (let r = 0; r < best.headerTop; r++) {
    for (const text of new Set(rowTexts[r])) {
      if (!text) continue;
      if (unitNote === null && /単位|unit/i.test(text)) unitNote = unitInText(text);
      if (titleFiscalYear === null && /年度|FY/i.test(text) && !/作成|印刷|現在/.test(text)) titleFiscalYear = yearInSegment(text)?.fiscalYear ?? null;
      if (titleDepartment === null) {
        const m = /[（(【]([^）)】]+)[）)】]/.exec(text);
        if (m && DEPARTMENT.test(m[1]!.trim())) titleDepartment = m[1]!.trim();
      }
    }
  }
  return { sheetIndex, sheetName: grid.name, headerRow: best.headerRow, headerTop: best.headerTop, headers, score: best.score, unitNote, titleFiscalYear, titleDepartment };
}

/**
 * Scores every sheet and picks the one whose header matches best; hidden sheets only when nothing else matches.
 * Returns the candidates (for the sheet picker) and the chosen header, or null when no sheet has a recognisable header.
 */
export function chooseSheet(sheets: readonly SheetGrid[]): { candidates: SheetCandidate[]; chosen: HeaderInfo | null; headers: (HeaderInfo | null)[] } {
  const infos = sheets.map((s, i) => detectHeader(s, i));
  const candidates = sheets.map((s, i): SheetCandidate => ({ index: i, name: s.name, score: infos[i]?.score ?? 0, hidden: s.hidden, rowCount: s.rows.length }));
  let chosen: HeaderInfo | null = null;
  for (const info of infos) {
    if (!info) continue;
    const hiddenPenalty = sheets[info.sheetIndex]!.hidden ? 100 : 0;
    const chosenPenalty = chosen && sheets[chosen.sheetIndex]!.hidden ? 100 : 0;
    if (!chosen || info.score - hiddenPenalty > chosen.score - chosenPenalty) chosen = info;
  }
  return { candidates, chosen, headers: infos };
}

export type RowKind =
  | { kind: 'data' }
  | { kind: 'blank' }
  | { kind: 'total' }
  | { kind: 'footnote' }
  | { kind: 'header' }
  | { kind: 'section'; text: string };

const TOTAL_WORD = /^(?:合計|小計|総計|累計|計|総合計|合計額|中計|total|subtotal|grandtotal)(?:$|[（(【\s])/i;
const FOOTNOTE = /^(?:※|＊|\*|注[)）:：\d\s]|[(（]注[)）]|備考[:：]|note[:\s])/i;
const SECTION_MARK = /^(?:【.+】|［.+］|\[.+\]|[■□●◆◇▼▽▲△◎○〇].+|[<＜〈《].+[>＞〉》])$/;

/**
 * What one row under the header is. `headers` are the header texts (a repeated header row is passed over);
 * `titleColumn` is the column mapped to the title, whose lone value is data, never a section.
 */
export function classifyRow(row: readonly Cell[], headers: readonly string[], titleColumn: number): RowKind {
  const values: { c: number; text: string }[] = [];
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell === null || cell === undefined) continue;
    const text = cellText(cell);
    if (text) values.push({ c, text });
  }
  if (!values.length) return { kind: 'blank' };
  for (const v of values) {
    if (v.c >= 8) break;
    if (TOTAL_WORD.test(v.text.replace(/[\s\u3000【】［］[\]]/g, '').replace(/^[■●◆]/, ''))) return { kind: 'total' };
  }
  const distinct = new Set(values.map((v) => v.text));
  if (FOOTNOTE.test(values[0]!.text) && distinct.size <= 2) return { kind: 'footnote' };
  if (values.filter((v) => headers[v.c] && headers[v.c]!.split('/').pop() === v.text).length * 2 >= values.length && values.length >= 2) return { kind: 'header' };
  if (distinct.size === 1) {
    const text = values[0]!.text;
    const onlyTitle = values.every((v) => v.c === titleColumn);
    if (SECTION_MARK.test(text) || (!onlyTitle && typeof row[values[0]!.c] === 'string' && DEPARTMENT.test(text) && values[0]!.c !== titleColumn)) return { kind: 'section', text };
  }
  return { kind: 'data' };
}

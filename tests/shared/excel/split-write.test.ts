// The workbook written on two threads must be the workbook one call writes: same sheets and cells, frozen panes kept,
// and any failure of the helper or of the assembly falls back to the one-call write.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids, writeSheetPart, writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';
import { writeWorkbookSplit } from '../../../shared/excel/split-write';
import type { PartWriter } from '../../../shared/excel/split-write';
import { readZipEntries } from '../../../shared/excel/xlsx-parts';

const schedule: Cell[][] = [['期間: 2026-04-01 – 2027-03-31'], ['期日', '管理番号', '課題名', '種別', '件名', '状態']];
for (let i = 0; i < 400; i++) schedule.push([{ kind: 'date', iso: `2026-05-${String((i % 28) + 1).padStart(2, '0')}` }, `P-${i}`, `再生医療 & <課題> ${i}`, '中間評価', `件名 ${i}`, '未完了']);
const sheets: SheetSpec[] = [
  { name: '事業別', rows: [['事業', '年度', '合計（円）'], ['AMED', 2026, 1_000_000]], numFmts: { 2: '#,##0"円"' }, freezeRows: 1 },
  { name: 'スケジュール', rows: schedule, colWidths: [12, 14, 40, 18, 30, 16], numFmts: { 0: 'yyyy-mm-dd' } },
  { name: 'リスク', rows: [['管理番号', '課題名', 'リスク'], ['P-1', '課題', '期限切れ']] },
  { name: '資金見通し', rows: [['試算: x'], ['年度', '合計'], [2026, 5]], numFmts: { 1: '#,##0"円"' }, freezeRows: 2 },
];

/** Small sheets split as big ones do (the real threshold is tens of thousands of cells). */
const MIN_CELLS = 600;

const sheetXml = (bytes: Uint8Array, n: number) => {
  const e = readZipEntries(bytes).find((x) => x.name === `xl/worksheets/sheet${n}.xml`)!;
  return (e.method === 8 ? inflateRawSync(e.data) : Buffer.from(e.data)).toString('utf8');
};

/** A helper that writes the part here (as the Worker does), recording what it was asked. */
function recordingHelper(): { away: PartWriter; asked: string[] } {
  const asked: string[] = [];
  return { asked, away: async (spec, seed) => (asked.push(spec.name), writeSheetPart(spec, seed)) };
}

describe('writeWorkbookSplit', () => {
  it('hands the biggest sheet to the helper and gives the one-call workbook, panes included', async () => {
    const { away, asked } = recordingHelper();
    const bytes = await writeWorkbookSplit(sheets, away, MIN_CELLS);
    expect(asked).toEqual(['スケジュール']);
    expect(readWorkbookGrids(bytes)).toEqual(readWorkbookGrids(writeWorkbookBytes(sheets)));
    expect(sheetXml(bytes, 1)).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml(bytes, 2)).not.toContain('<pane');
    expect(sheetXml(bytes, 4)).toContain('<pane ySplit="2" topLeftCell="A3"');
  });

  it('writes a small workbook here in one call', async () => {
    const { away, asked } = recordingHelper();
    const small = sheets.map((s) => ({ ...s, rows: s.rows.slice(0, 50) }));
    expect(readWorkbookGrids(await writeWorkbookSplit(small, away, MIN_CELLS))).toEqual(readWorkbookGrids(writeWorkbookBytes(small)));
    expect(asked).toEqual([]);
  });

  it('falls back to one call when the helper fails or sends what cannot be assembled', async () => {
    const want = readWorkbookGrids(writeWorkbookBytes(sheets));
    const failed: PartWriter = () => Promise.reject(new Error('worker crashed'));
    expect(readWorkbookGrids(await writeWorkbookSplit(sheets, failed, MIN_CELLS))).toEqual(want);
    const garbage: PartWriter = async () => new Uint8Array([1, 2, 3, 4]);
    expect(readWorkbookGrids(await writeWorkbookSplit(sheets, garbage, MIN_CELLS))).toEqual(want);
  });
});

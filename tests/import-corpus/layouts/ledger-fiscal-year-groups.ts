// A 外部資金 ledger in 千円 with fiscal-year groups: 令和7年度 merged over 直接経費 | 間接経費 | 計, then 令和8年度 the
// same. 計 is computed from the yen figures and truncated, so one row's 計 is 1千円 more than 直接 + 間接. A 合計 row
// and a footnote (※ 令和8年度は予定額) close the table; a project ending in FY2025 leaves the 令和8年度 cells empty.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { merge, verticalMerges } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

interface Row {
  no: string; title: string; pi: string; dept: string; funder: string;
  /** Per year, 千円 as the sheet shows them: direct, indirect, 計 (null: the cells are empty). */
  r7: [number, number, number];
  r8: [number, number, number] | null;
}

const ROWS: Row[] = [
  { no: 'G-2025-01', title: '医療用AIの安全性評価手法の開発', pi: '松本 亮', dept: '医学部附属病院', funder: '国立研究開発法人日本医療研究開発機構', r7: [20_000, 6_000, 26_000], r8: [18_000, 5_400, 23_400] },
  // 3,333,333 円 and 999,999 円: truncated to 3,333 and 999 千円, their sum 4,333,332 円 to 4,333.
  { no: 'G-2025-02', title: '量子センサによる脳磁計測', pi: '森 由美', dept: '工学研究科', funder: '国立研究開発法人科学技術振興機構', r7: [3_333, 999, 4_333], r8: [3_333, 999, 4_333] },
  { no: 'G-2025-03', title: '希少疾患レジストリの構築', pi: '石井 翔太', dept: '医学研究科', funder: '国立研究開発法人日本医療研究開発機構', r7: [7_500, 2_250, 9_750], r8: null },
  { no: 'G-2025-04', title: '海洋プラスチックの分解菌探索', pi: '岡本　直樹', dept: '農学研究科', funder: '独立行政法人環境再生保全機構', r7: [4_000, 400, 4_400], r8: [4_000, 400, 4_400] },
];

function sheetRows(): Cell[][] {
  const rows: Cell[][] = [
    ['外部資金（受託研究）管理台帳'],
    ['(単位金額:千円)'],
    ['整理番号', '研究課題名', '研究代表者', '所属', '配分機関', '令和7年度', null, null, '令和8年度', null, null],
    [null, null, null, null, null, '直接経費', '間接経費', '計', '直接経費', '間接経費', '計'],
    ...ROWS.map((r): Cell[] => [r.no, r.title, r.pi, r.dept, r.funder, ...r.r7, ...(r.r8 ?? [null, null, null])]),
  ];
  const sum = (pick: (r: Row) => number) => ROWS.reduce((s, r) => s + pick(r), 0);
  rows.push([
    '合計', null, null, null, null,
    ...[0, 1, 2].map((i) => sum((r) => r.r7[i]!)),
    ...[0, 1, 2].map((i) => sum((r) => r.r8?.[i] ?? 0)),
  ]);
  rows.push([]);
  rows.push(['※ 令和8年度は予定額']);
  return rows;
}

export const ledgerFiscalYearGroups: CorpusLayout = {
  id: 'ledger-fiscal-year-groups',
  fileName: '外部資金管理台帳.xlsx',
  description: '千円 ledger ((単位金額:千円)) with 令和7年度 and 令和8年度 groups over 直接経費 | 間接経費 | 計, a 計 truncated by 1千円, a 配分機関 column, a 合計 row and a ※ footnote.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '台帳',
        rows: sheetRows(),
        merges: [merge(0, 0, 0, 10), merge(2, 5, 2, 7), merge(2, 8, 2, 10), ...verticalMerges(2, [0, 1, 2, 3, 4])],
        numFmts: { 5: '#,##0', 6: '#,##0', 7: '#,##0', 8: '#,##0', 9: '#,##0', 10: '#,##0' },
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, department: r.dept, funderName: r.funder })),
    budgetLines: ROWS.flatMap((r): ExpectedBudgetLine[] => [
      { project: r.no, fiscalYear: 2025, directYen: r.r7[0] * 1000, indirectYen: r.r7[1] * 1000 },
      ...(r.r8 ? [{ project: r.no, fiscalYear: 2026, directYen: r.r8[0] * 1000, indirectYen: r.r8[1] * 1000 }] : []),
    ]),
  },
};

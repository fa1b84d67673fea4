// Issue 13, file 2: a 受託研究 ledger with title rows, a print date, a unit note and a two-row merged header
// (研究開発期間 over 開始 | 終了, 令和7年度 契約額 over 直接経費 | 間接経費（一般管理費） | 合計, 研究開発代表者 over
// 氏名 | 職名), department section rows, 小計 rows and a 合計 row. The 合計 column is a check, not a field or a year.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { d, merge, verticalMerges } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const AMED = '国立研究開発法人日本医療研究開発機構';
const JST = '国立研究開発法人科学技術振興機構';

interface Row {
  no: string; title: string; pi: string; position: string; funder: string; start: string; end: string; direct: number; indirect: number;
}

const SECTIONS: { dept: string; rows: Row[] }[] = [
  {
    dept: '医学研究科',
    rows: [
      { no: 'R7-受-001', title: '新規医療機器の開発', pi: '山田 太郎', position: '教授', funder: AMED, start: '2025-04-01', end: '2028-03-31', direct: 10_000_000, indirect: 3_000_000 },
      { no: 'R7-受-002', title: '再生医療の実用化研究', pi: '佐藤　花子', position: '准教授', funder: AMED, start: '2025-04-01', end: '2027-03-31', direct: 5_000_000, indirect: 1_500_000 },
      { no: 'R7-受-003', title: '感染症ワクチンの免疫応答解析', pi: '鈴木 一郎', position: '講師', funder: AMED, start: '2025-06-01', end: '2026-03-31', direct: 2_400_000, indirect: 720_000 },
    ],
  },
  {
    dept: '工学研究科',
    rows: [
      { no: 'R7-受-004', title: '次世代蓄電池材料の探索', pi: '田中 次郎', position: '教授', funder: JST, start: '2025-04-01', end: '2030-03-31', direct: 15_000_000, indirect: 4_500_000 },
      { no: 'R7-受-005', title: '橋梁点検ロボットの開発', pi: '高橋 三郎', position: '助教', funder: '国土交通省', start: '2025-07-01', end: '2026-03-31', direct: 3_000_000, indirect: 300_000 },
    ],
  },
];

function sheetRows(): Cell[][] {
  const rows: Cell[][] = [
    ['令和7年度 受託研究受入一覧'],
    [null, null, null, null, null, null, null, null, '作成日：令和7年5月1日'],
    ['（単位：円）'],
    ['受入番号', '研究開発課題名', '研究開発代表者', null, '委託元', '研究開発期間', null, '令和7年度 契約額', null, null, '備考'],
    [null, null, '氏名', '職名', null, '開始', '終了', '直接経費', '間接経費（一般管理費）', '合計', null],
  ];
  let gd = 0;
  let gi = 0;
  for (const s of SECTIONS) {
    rows.push([`【${s.dept}】`]);
    let sd = 0;
    let si = 0;
    for (const r of s.rows) {
      rows.push([r.no, r.title, r.pi, r.position, r.funder, d(r.start), d(r.end), r.direct, r.indirect, r.direct + r.indirect, null]);
      sd += r.direct;
      si += r.indirect;
    }
    rows.push([null, '小計', null, null, null, null, null, sd, si, sd + si, null]);
    gd += sd;
    gi += si;
  }
  rows.push([null, '合計', null, null, null, null, null, gd, gi, gd + gi, null]);
  return rows;
}

export const ledgerMergedHeader: CorpusLayout = {
  id: 'issue-ledger-merged-header',
  fileName: '受託研究受入一覧_令和7年度.xlsx',
  description: 'Issue 13, file 2: 受託研究 ledger, title + print date + （単位：円）, two-row merged header (研究開発代表者/氏名|職名, 研究開発期間/開始|終了, 令和7年度 契約額/直接経費|間接経費（一般管理費）|合計), 【部局】 section rows, 小計 and 合計 rows.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '受託研究',
        rows: sheetRows(),
        merges: [merge(0, 0, 0, 10), merge(3, 2, 3, 3), merge(3, 5, 3, 6), merge(3, 7, 3, 9), ...verticalMerges(3, [0, 1, 4, 10])],
        numFmts: { 5: 'yyyy/m/d', 6: 'yyyy/m/d', 7: '#,##0', 8: '#,##0', 9: '#,##0' },
        freezeRows: 5,
      },
    ]),
  expected: {
    projects: SECTIONS.flatMap((s) =>
      s.rows.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, piPosition: r.position, department: s.dept, funderName: r.funder, startDate: r.start, endDate: r.end })),
    ),
    budgetLines: SECTIONS.flatMap((s) => s.rows.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect }))),
  },
};

// A ledger whose section rows name the kind of contract (【受託研究】, 【共同研究】), not a department or funder: the
// table has its own 所属 and 相手先 columns, which win. The table starts at B3 (column A kept as a margin), a hidden
// lookup sheet comes first, periods are fiscal years (令和7年度, 令和7年度～令和9年度) or dates, and ― and - mean none.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const SECTIONS = [
  {
    kind: '受託研究',
    rows: [
      { no: '2025-受-0012', title: '地域包括ケアの費用対効果分析', pi: '遠藤 美穂', dept: '医学研究科', party: '東都県', period: '令和7年度', start: '2025-04-01', end: '2026-03-31', direct: ['2,000,000', 2_000_000], indirect: ['―', 0] },
      { no: '2025-受-0019', title: '港湾構造物の劣化予測', pi: '原田 健司', dept: '工学研究科', party: '国土交通省', period: '令和7年度～令和9年度', start: '2025-04-01', end: '2028-03-31', direct: ['6,500,000', 6_500_000], indirect: ['650,000', 650_000] },
    ],
  },
  {
    kind: '共同研究',
    rows: [
      { no: '2025-共-0003', title: '車載電池の急速充電制御', pi: '柴田 翔', dept: '工学研究科', party: '東都自動車株式会社', period: '2025/4/1～2026/3/31', start: '2025-04-01', end: '2026-03-31', direct: ['3,300,000', 3_300_000], indirect: ['-', 0] },
      { no: '2025-共-0007', title: '抗菌性繊維の評価法', pi: '今井 由紀', dept: '農学研究科', party: '北辰繊維株式会社', period: '2025/9/1～2026/8/31', start: '2025-09-01', end: '2026-08-31', direct: ['1,000,000', 1_000_000], indirect: ['300,000', 300_000] },
    ],
  },
] as const;

function sheetRows(): Cell[][] {
  const rows: Cell[][] = [[], [null, '令和7年度 外部資金（受託・共同研究）一覧'], [null, '受付番号', '研究課題名', '研究代表者', '所属', '相手先', '研究期間', '直接経費', '間接経費']];
  for (const s of SECTIONS) {
    rows.push([null, `【${s.kind}】`]);
    for (const r of s.rows) rows.push([null, r.no, r.title, r.pi, r.dept, r.party, r.period, r.direct[0], r.indirect[0]]);
  }
  return rows;
}

export const ledgerTypeSections: CorpusLayout = {
  id: 'ledger-type-sections',
  fileName: '外部資金一覧_種別.xlsx',
  description: '【受託研究】/【共同研究】 section rows that are neither department nor funder (所属 and 相手先 columns win), the table at B3, a hidden lookup sheet first, fiscal-year periods (令和7年度, 令和7年度～令和9年度), ― and - for none.',
  build: () =>
    writeWorkbookBytes([
      { name: '選択肢', rows: [['所属'], ['医学研究科'], ['工学研究科'], ['農学研究科'], [], ['種別'], ['受託研究'], ['共同研究']], hidden: true },
      { name: '外部資金一覧', rows: sheetRows() },
    ]),
  expected: {
    projects: SECTIONS.flatMap((s) =>
      s.rows.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, department: r.dept, funderName: r.party, startDate: r.start, endDate: r.end })),
    ),
    budgetLines: SECTIONS.flatMap((s) => s.rows.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct[1], indirectYen: r.indirect[1] }))),
  },
};

// A ledger grouped by funder with section rows (■AMED, ■JST) and no funder column: the section names the funder of
// the rows below. 千円 figures in the headers (直接経費（千円）), periods as ranges, names typed without a space,
// blank separators and a 合計 row.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const SECTIONS = [
  {
    funder: 'AMED',
    rows: [
      { no: 'F-001', title: '心不全の遠隔管理システム', pi: '木村大樹', dept: '医学研究科', period: '2025/4/1～2028/3/31', start: '2025-04-01', end: '2028-03-31', direct: 9_000, indirect: 2_700 },
      { no: 'F-002', title: '眼科用ナノ粒子製剤の開発', pi: '斎藤健太', dept: '薬学研究科', period: 'R7.4.1～R9.3.31', start: '2025-04-01', end: '2027-03-31', direct: 4_200, indirect: 1_260 },
    ],
  },
  {
    funder: 'JST',
    rows: [
      { no: 'F-101', title: '生分解性プラスチックの設計', pi: '山崎翼', dept: '工学研究科', period: '2025/10/1～2031/3/31', start: '2025-10-01', end: '2031-03-31', direct: 5_000, indirect: 1_500 },
      { no: 'F-102', title: '都市気候のデジタルツイン', pi: '阿部光', dept: '理学研究科', period: '令和7年4月1日～令和12年3月31日', start: '2025-04-01', end: '2030-03-31', direct: 11_000, indirect: 3_300 },
    ],
  },
];

function sheetRows(): Cell[][] {
  const rows: Cell[][] = [
    ['令和7年度 外部資金受入一覧（資金配分機関別）'],
    [],
    ['管理番号', '研究課題名', '研究代表者', '所属', '研究期間', '直接経費（千円）', '間接経費（千円）'],
  ];
  let gd = 0;
  let gi = 0;
  for (const s of SECTIONS) {
    rows.push([`■${s.funder}`]);
    for (const r of s.rows) {
      rows.push([r.no, r.title, r.pi, r.dept, r.period, r.direct, r.indirect]);
      gd += r.direct;
      gi += r.indirect;
    }
    rows.push([]);
  }
  rows.push(['合計', null, null, null, null, gd, gi]);
  return rows;
}

export const ledgerFunderSections: CorpusLayout = {
  id: 'ledger-funder-sections',
  fileName: '外部資金受入一覧_配分機関別.xlsx',
  description: '■AMED / ■JST section rows give the funder (no funder column), amounts in 千円 stated in the headers, period ranges, names without spaces, blank separators and a 合計 row.',
  build: () => writeWorkbookBytes([{ name: '配分機関別', rows: sheetRows(), numFmts: { 5: '#,##0', 6: '#,##0' } }]),
  expected: {
    projects: SECTIONS.flatMap((s) =>
      s.rows.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, department: r.dept, funderName: s.funder, startDate: r.start, endDate: r.end })),
    ),
    budgetLines: SECTIONS.flatMap((s) => s.rows.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct * 1000, indirectYen: r.indirect * 1000 }))),
  },
};

// A list with no ID column at all (an office's first list before it numbered anything): projects are matched by
// title. 契約期間 ranges in the から…まで and ～ forms, a 委託者 column, a unit note, and a footnote.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const ROWS = [
  { title: '災害時医療物資の需要予測', pi: '松本 亮', dept: '工学研究科', client: '内閣府', period: '令和7年4月1日から令和8年3月31日まで', start: '2025-04-01', end: '2026-03-31', direct: 6_000_000, indirect: 600_000 },
  { title: '高齢者の転倒予防プログラムの効果検証', pi: '森　由美', dept: '医学研究科', client: '国立研究開発法人日本医療研究開発機構', period: 'R7.4.1～R10.3.31', start: '2025-04-01', end: '2028-03-31', direct: 7_000_000, indirect: 2_100_000 },
  { title: '伝統工芸の技術継承に関する調査', pi: '石井 翔太', dept: '人文社会科学研究科', client: '東都県', period: '2025/7/1～2026/2/28', start: '2025-07-01', end: '2026-02-28', direct: 800_000, indirect: 80_000 },
];

export const ledgerNoId: CorpusLayout = {
  id: 'ledger-no-id',
  fileName: '受託研究一覧_番号なし.xlsx',
  description: 'No ID column: matched by title. 契約期間 as 令和7年4月1日から令和8年3月31日まで, R7.4.1～R10.3.31 and 2025/7/1～2026/2/28; 委託者 column; （単位：円）; a footnote.',
  build: () =>
    writeWorkbookBytes([
      {
        name: 'Sheet1',
        rows: [
          ['令和7年度 受託研究一覧'],
          ['（単位：円）'],
          ['研究課題名', '研究代表者', '所属', '委託者', '契約期間', '直接経費', '間接経費'],
          ...ROWS.map((r): Cell[] => [r.title, r.pi, r.dept, r.client, r.period, r.direct, r.indirect]),
          [],
          ['※ 金額は契約書記載の額'],
        ],
        numFmts: { 5: '#,##0', 6: '#,##0' },
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ title: r.title, pi: r.pi, department: r.dept, funderName: r.client, startDate: r.start, endDate: r.end })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.title, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect })),
  },
};

// A 共同研究 ledger still kept as an Excel 97-2003 .xls file, in 万円: 契約期間（自） and 契約期間（至） as two columns
// (the bracket is the meaning), dates as era-formatted date cells and as typed R7.6.1, full-width figures, 職名 and
// 契約相手方 columns, and a 合計 row.
import type { Cell } from '../../../shared/excel/sheetjs';
import { d, ERA_SHORT, merge } from '../cells';
import { writeWorkbookDirect } from '../direct-writer';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

interface Row {
  no: string; title: string; pi: string; position: string; dept: string; party: string;
  /** As written, and as meant (ISO date, or 万円). */
  start: [Cell, string]; end: [Cell, string]; direct: [Cell, number]; indirect: [Cell, number];
}

const ROWS: Row[] = [
  { no: 'KY-7001', title: '次世代半導体パッケージの熱解析', pi: '藤井 智也', position: '教授', dept: '工学研究科', party: '東都電子株式会社', start: [d('2025-04-01'), '2025-04-01'], end: [d('2026-03-31'), '2026-03-31'], direct: [300, 300], indirect: [90, 90] },
  { no: 'KY-7002', title: '機能性表示食品の臨床評価', pi: '大野　里美', position: '准教授', dept: '農学研究科', party: '株式会社北辰フーズ', start: ['R7.6.1', '2025-06-01'], end: ['R8.5.31', '2026-05-31'], direct: [150, 150], indirect: [15, 15] },
  { no: 'KY-7003', title: '介護記録の自然言語処理', pi: '上田 拓真', position: '講師', dept: '情報学研究科', party: '東都ケアサービス株式会社', start: [d('2025-10-01'), '2025-10-01'], end: [d('2027-09-30'), '2027-09-30'], direct: [1_250, 1_250], indirect: [375, 375] },
  { no: 'KY-7004', title: '橋梁用高耐久コンクリートの開発', pi: '三浦 健', position: '教授', dept: '工学研究科', party: '北辰建設株式会社', start: ['R7.4.1', '2025-04-01'], end: ['R9.3.31', '2027-03-31'], direct: ['２００', 200], indirect: ['６０', 60] },
];

export const ledgerXlsManYen: CorpusLayout = {
  id: 'ledger-xls-man-yen',
  fileName: '共同研究受入状況.xls',
  description: 'Excel 97-2003 (.xls) ledger in 万円 ((単位：万円)), 契約期間（自） and 契約期間（至） columns with R7.4.1 date cells and typed dates, full-width figures, 職名 and 契約相手方, a 合計 row.',
  build: () =>
    writeWorkbookDirect(
      [
        {
          name: '共同研究',
          rows: [
            ['令和7年度 共同研究受入状況'],
            ['（単位：万円）'],
            ['受入番号', '研究題目', '研究代表者', '職名', '所属', '契約相手方', '契約期間（自）', '契約期間（至）', '直接経費', '間接経費', '備考'],
            ...ROWS.map((r): Cell[] => [r.no, r.title, r.pi, r.position, r.dept, r.party, r.start[0], r.end[0], r.direct[0], r.indirect[0], r.indirect[1] * 10 === r.direct[1] ? '間接経費10%' : null]),
            ['合計', null, null, null, null, null, null, null, ROWS.reduce((s, r) => s + r.direct[1], 0), ROWS.reduce((s, r) => s + r.indirect[1], 0), null],
          ],
          merges: [merge(0, 0, 0, 10)],
          numFmts: { 6: ERA_SHORT, 7: ERA_SHORT, 8: '#,##0', 9: '#,##0' },
        },
      ],
      'biff8',
    ),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, piPosition: r.position, department: r.dept, funderName: r.party, startDate: r.start[1], endDate: r.end[1] })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct[1] * 10_000, indirectYen: r.indirect[1] * 10_000 })),
  },
};

// A 受託研究 contract ledger whose dates are real date cells shown in era formats (令和7年4月1日 and R7.4.1), with a
// two-row header (研究代表者 over 氏名 | 職名, 研究期間 over 自 | 至, 契約金額（円） over 直接経費 | 間接経費（一般管理費）),
// a 契約相手方 column, and a hidden 旧番号 column left in place: its values are old IDs, not the project's code.
import type { Cell } from '../../../shared/excel/sheetjs';
import { d, ERA_LONG, ERA_SHORT, merge, verticalMerges } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';
import { writeWorkbookDirect } from '../direct-writer';

const ROWS = [
  { no: 'K7-0001', old: 'H30-015', title: '人工膵臓システムの臨床試験', pi: '小川 八郎', position: '教授', dept: '医学研究科', party: '国立研究開発法人日本医療研究開発機構', start: '2025-04-01', end: '2026-03-31', direct: 12_000_000, indirect: 3_600_000 },
  { no: 'K7-0002', old: 'R01-102', title: '骨再生足場材料の開発', pi: '前田 九美', position: '准教授', dept: '歯学研究科', party: '国立研究開発法人日本医療研究開発機構', start: '2025-04-01', end: '2026-03-31', direct: 4_000_000, indirect: 1_200_000 },
  { no: 'K7-0003', old: '', title: '農業用ドローンの画像解析', pi: '藤田 十蔵', position: '助教', dept: '農学研究科', party: '農林水産省', start: '2025-05-12', end: '2026-02-27', direct: 2_500_000, indirect: 250_000 },
  { no: 'K7-0004', old: 'R05-033', title: '電子カルテ情報の二次利用基盤', pi: '岡田　一恵', position: '特任准教授', dept: '医学部附属病院', party: '国立研究開発法人日本医療研究開発機構', start: '2025-06-01', end: '2026-03-31', direct: 6_600_000, indirect: 1_980_000 },
];

export const ledgerEraDateCells: CorpusLayout = {
  id: 'ledger-era-date-cells',
  fileName: '受託研究契約台帳.xlsx',
  description: 'Date cells with [$-ja-JP]ggge"年"m"月"d"日" (自) and [$-411]ge.m.d (至) formats, a two-row header (研究代表者/氏名|職名, 研究期間/自|至, 契約金額（円）/直接経費|間接経費（一般管理費）), a 契約相手方 column and a hidden 旧番号 column.',
  build: () =>
    writeWorkbookDirect([
      {
        name: '契約台帳',
        rows: [
          ['令和7年度 受託研究契約台帳'],
          [],
          ['契約番号', '旧番号', '研究課題名', '研究代表者', null, '所属', '契約相手方', '研究期間', null, '契約金額（円）', null],
          [null, null, null, '氏名', '職名', null, null, '自', '至', '直接経費', '間接経費（一般管理費）'],
          ...ROWS.map((r): Cell[] => [r.no, r.old, r.title, r.pi, r.position, r.dept, r.party, d(r.start), d(r.end), r.direct, r.indirect]),
        ],
        merges: [merge(0, 0, 0, 10), merge(2, 3, 2, 4), merge(2, 7, 2, 8), merge(2, 9, 2, 10), ...verticalMerges(2, [0, 1, 2, 5, 6])],
        numFmts: { 7: ERA_LONG, 8: ERA_SHORT, 9: '#,##0', 10: '#,##0' },
        hiddenColumns: [1],
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, piPosition: r.position, department: r.dept, funderName: r.party, startDate: r.start, endDate: r.end })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect })),
  },
};

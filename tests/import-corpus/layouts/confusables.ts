// The confusable pairs side by side: 研究代表者 over 氏名 | 職名 next to 研究分担者, 研究期間 over 開始 | 終了, 金額 over
// 直接経費 | 間接経費 | 合計. Each value must land in its own field: a name is not a position, a co-investigator is not
// the PI, an end is not a start, indirect is not direct, and neither 金額 nor 合計 is a field. Indirect rates vary
// (30%, 10%, none) so no fixed ratio tells the columns apart.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { d, merge, verticalMerges } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const ROWS = [
  { no: 'C-01', title: '細胞外小胞による臓器間連携の解析', pi: '石田 六郎', position: '教授', co: ['近藤 五月', '村上 四季'], start: '2025-04-01', end: '2028-03-31', direct: 9_000_000, indirect: 2_700_000 },
  { no: 'C-02', title: '教育用ロボットの対話設計', pi: '長谷川　三奈', position: '助教', co: ['後藤 二郎'], start: '2025-10-01', end: '2026-09-30', direct: 1_800_000, indirect: 180_000 },
  { no: 'C-03', title: '森林土壌の炭素貯留量推定', pi: '西村美和', position: '准教授', co: [], start: '2024-04-01', end: '2027-03-31', direct: 3_000_000, indirect: 0 },
  { no: 'C-04', title: '言語獲得の縦断研究', pi: '林 浩二', position: '特任講師', co: ['清水 彩', '森田 隆', '阿部 光'], start: '2025-04-01', end: '2026-03-31', direct: 700_000, indirect: 210_000 },
];

export const confusables: CorpusLayout = {
  id: 'confusables',
  fileName: '外部資金受入状況.xlsx',
  description: 'Confusable headers side by side: 研究代表者/氏名|職名 beside 研究分担者, 研究期間/開始|終了, 金額/直接経費|間接経費|合計; indirect at 30%, 10% and 0.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '受入状況',
        rows: [
          ['令和7年度 外部資金受入状況'],
          ['（単位：円）'],
          ['課題番号', '研究課題名', '研究代表者', null, '研究分担者', '研究期間', null, '金額', null, null],
          [null, null, '氏名', '職名', null, '開始', '終了', '直接経費', '間接経費', '合計'],
          ...ROWS.map((r): Cell[] => [r.no, r.title, r.pi, r.position, r.co.join('、'), d(r.start), d(r.end), r.direct, r.indirect, r.direct + r.indirect]),
        ],
        merges: [merge(0, 0, 0, 9), merge(2, 2, 2, 3), merge(2, 5, 2, 6), merge(2, 7, 2, 9), ...verticalMerges(2, [0, 1, 4])],
        numFmts: { 5: 'yyyy/m/d', 6: 'yyyy/m/d', 7: '#,##0', 8: '#,##0', 9: '#,##0' },
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({
      code: r.no, title: r.title, pi: r.pi, piPosition: r.position, startDate: r.start, endDate: r.end, ...(r.co.length ? { coInvestigators: r.co } : {}),
    })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect })),
  },
};

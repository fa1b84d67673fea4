// An office's own 科研費 list kept in LibreOffice Calc (.ods): 研究種目 (the funder name, as KAKEN gives it), the KAKEN
// 研究課題番号 as the code, the year inside single-row headers (令和7年度直接経費), 職名 beside the PI, and a
// 研究期間 written as a range of fiscal years (2023年度～2026年度 runs 2023-04-01 to 2027-03-31).
import type { Cell } from '../../../shared/excel/sheetjs';
import { writeWorkbookDirect } from '../direct-writer';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const ROWS = [
  { kind: '基盤研究(B)', no: '23H01234', title: '沿岸生態系の炭素循環モデル', pi: '川口 昇', position: '教授', dept: '理学研究科', period: '2023年度～2026年度', start: '2023-04-01', end: '2027-03-31', direct: 3_900_000, indirect: 1_170_000 },
  { kind: '若手研究', no: '24K20001', title: '多言語話者の語彙処理', pi: '野口 彩花', position: '助教', dept: '人文社会科学研究科', period: '2024年度～2026年度', start: '2024-04-01', end: '2027-03-31', direct: 1_100_000, indirect: 330_000 },
  { kind: '挑戦的研究(萌芽)', no: '25K21987', title: '折り紙構造による展開型アンテナ', pi: '桑原 亮太', position: '准教授', dept: '工学研究科', period: '2025年度～2026年度', start: '2025-04-01', end: '2027-03-31', direct: 2_600_000, indirect: 780_000 },
];

export const kakenhiOds: CorpusLayout = {
  id: 'kakenhi-ods',
  fileName: '科研費採択一覧.ods',
  description: 'LibreOffice .ods 科研費 list: 研究種目 as the funder name, 研究課題番号 as the code, 令和7年度直接経費/令和7年度間接経費 single-row headers, 職名, 研究期間 as 2023年度～2026年度.',
  build: () =>
    writeWorkbookDirect(
      [
        {
          name: '科研費',
          rows: [
            ['研究種目', '研究課題番号', '研究課題名', '研究代表者', '職名', '所属', '研究期間', '令和7年度直接経費', '令和7年度間接経費'],
            ...ROWS.map((r): Cell[] => [r.kind, r.no, r.title, r.pi, r.position, r.dept, r.period, r.direct, r.indirect]),
          ],
          numFmts: { 7: '#,##0', 8: '#,##0' },
        },
      ],
      'ods',
    ),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, funderName: r.kind, pi: r.pi, piPosition: r.position, department: r.dept, startDate: r.start, endDate: r.end })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect })),
  },
};

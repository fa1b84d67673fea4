// A control file, not part of the corpus: a plain one-header sheet of the kind the importer has read from the start.
// It scores 100% through every runner today, which shows a runner's own path (file → import → records → scorer) is
// sound, so a corpus miss is the importer's.
import { writeWorkbookBytes } from '../../shared/excel/sheetjs';
import type { Cell } from '../../shared/excel/sheetjs';
import type { CorpusLayout } from './layout';
import type { ExpectedBudgetLine, ExpectedProject } from './score';

const ROWS = [
  { no: 'P-001', title: '対照用の課題一', pi: '山田 太郎', dept: '医学研究科', start: '2025-04-01', end: '2027-03-31', direct: 10_000, indirect: 3_000 },
  { no: 'P-002', title: '対照用の課題二', pi: '佐藤 花子', dept: '工学研究科', start: '2024-10-01', end: '2026-03-31', direct: 2_000, indirect: 600 },
];

export const plainControl: CorpusLayout = {
  id: 'control-plain-sheet',
  fileName: 'control.xlsx',
  description: 'Control: one header row (管理番号, 課題名, 研究代表者, 所属, 研究開発期間, R7直接経費, R7間接経費) in 千円.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '課題一覧',
        rows: [
          ['令和7年度 課題一覧'],
          ['（単位：千円）'],
          ['管理番号', '課題名', '研究代表者', '所属', '研究開発期間', 'R7直接経費', 'R7間接経費'],
          ...ROWS.map((r): Cell[] => [r.no, r.title, r.pi, r.dept, `${r.start.replace(/-/g, '/')}～${r.end.replace(/-/g, '/')}`, r.direct, r.indirect]),
        ],
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, department: r.dept, startDate: r.start, endDate: r.end })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct * 1000, indirectYen: r.indirect * 1000 })),
  },
};

// An office's AMED contract list holding both its own 管理番号 and AMED's 課題管理番号 (the first is the code, the
// second the AMED number), the PI's e-Rad 研究者番号 typed as text with a leading zero or as a number, 役職, period
// ranges in one column, 間接経費（一般管理費）, and a 再委託先 column that is no field scored here.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { merge } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

const ROWS: { no: string; amed: string; title: string; pi: string; number: Cell; numberText: string; dept: string; position: string; period: string; start: string; end: string; direct: number; indirect: number; sub: string }[] = [
  { no: 'A7-001', amed: '25am0101001j0001', title: 'がん免疫療法の新規標的探索', pi: '青木 大介', number: '00828478', numberText: '00828478', dept: '医学研究科', position: '教授', period: 'R7.4.1～R10.3.31', start: '2025-04-01', end: '2028-03-31', direct: 20_000_000, indirect: 6_000_000, sub: '東都がんセンター' },
  { no: 'A7-002', amed: '25dk0310102h0001', title: '睡眠時無呼吸の在宅診断機器', pi: '松井　葵', number: 12345678, numberText: '12345678', dept: '医学部附属病院', position: '准教授', period: '2025/4/1～2027/3/31', start: '2025-04-01', end: '2027-03-31', direct: 8_000_000, indirect: 2_400_000, sub: '' },
  { no: 'A7-003', amed: '24wm0425007h0002', title: '脳卒中後リハビリのVR訓練', pi: '菅原 光一', number: '01234567', numberText: '01234567', dept: '医学研究科', position: '講師', period: 'R6.4.1～R9.3.31', start: '2024-04-01', end: '2027-03-31', direct: 5_000_000, indirect: 1_500_000, sub: '北辰リハビリテーション病院' },
  { no: 'A7-004', amed: '25ek0210188h0001', title: '非アルコール性脂肪肝炎の治療薬探索', pi: '岩崎悠斗', number: '20987654', numberText: '20987654', dept: '薬学研究科', position: '教授', period: '令和7年4月1日～令和9年3月31日', start: '2025-04-01', end: '2027-03-31', direct: 12_000_000, indirect: 3_600_000, sub: '' },
];

export const amedLedgerIds: CorpusLayout = {
  id: 'amed-ledger-ids',
  fileName: 'AMED委託研究開発契約一覧.xlsx',
  description: 'AMED contract list with both 管理番号 (code) and 課題管理番号 (amedNumber), 研究者番号 as text with leading zeros or as a number, 役職, period ranges, 間接経費（一般管理費）, a 再委託先 column.',
  build: () =>
    writeWorkbookBytes([
      {
        name: 'AMED',
        rows: [
          ['令和7年度 AMED委託研究開発 契約一覧'],
          ['作成日 2025年5月1日'],
          ['（単位：円）'],
          ['管理番号', '課題管理番号', '研究開発課題名', '研究開発代表者', '研究者番号', '所属', '役職', '研究開発期間', '直接経費', '間接経費（一般管理費）', '再委託先'],
          ...ROWS.map((r): Cell[] => [r.no, r.amed, r.title, r.pi, r.number, r.dept, r.position, r.period, r.direct, r.indirect, r.sub]),
        ],
        merges: [merge(0, 0, 0, 10)],
        numFmts: { 8: '#,##0', 9: '#,##0' },
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, amedNumber: r.amed, title: r.title, pi: r.pi, piResearcherNumber: r.numberText, department: r.dept, piPosition: r.position, startDate: r.start, endDate: r.end })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect })),
  },
};

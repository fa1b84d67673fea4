// A ledger that names each project's people (docs/import-formats: 研究分担者 holds several names, KAKEN packs each
// with its affiliation and 8-digit 研究者番号): co-investigators separated by ・, a line break, a comma or packed
// KAKEN-style; a 研究者番号 column as text, as a number cell that lost its leading zeros, and one whose check digit
// our rule doubts (kept, warned); エフォート as 代表40/分担10, by name, a bare figure and a percentage cell.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedMember, ExpectedProject } from '../score';

interface Row {
  code: string;
  title: string;
  pi: string;
  number: Cell;
  dept: string;
  co: string;
  effort: Cell;
  period: string;
  start: string;
  end: string;
  direct: number;
  indirect: number;
  /** What the sheet says, as a correct import reads it. */
  expect: { piNumber?: string; coInvestigators: string[]; members: Omit<ExpectedMember, 'project'>[] };
}

const both = (p: number) => ({ 2025: p, 2026: p });

const ROWS: Row[] = [
  {
    code: 'M-001', title: '食物アレルギーの早期診断法の開発', pi: '山田　太郎', number: '90050426', dept: '医学研究科', co: '佐藤 花子・鈴木 一郎', effort: '代表40/分担10',
    period: 'R7.4.1～R9.3.31', start: '2025-04-01', end: '2027-03-31', direct: 5_000_000, indirect: 1_500_000,
    expect: {
      piNumber: '90050426', coInvestigators: ['佐藤 花子', '鈴木 一郎'],
      members: [
        { name: '山田 太郎', role: 'pi', researcherNumber: '90050426', effort: both(40) },
        { name: '佐藤 花子', role: 'co-investigator', effort: both(10) },
        { name: '鈴木 一郎', role: 'co-investigator', effort: both(10) },
      ],
    },
  },
  {
    code: 'M-002', title: '地域医療連携の評価指標の研究', pi: '佐藤 花子', number: 828478, dept: '医学研究科', co: '山田 太郎\n田中 次郎', effort: '佐藤30、山田 太郎 20、田中10',
    period: '令和7年4月1日から令和8年3月31日まで', start: '2025-04-01', end: '2026-03-31', direct: 2_000_000, indirect: 600_000,
    expect: {
      piNumber: '00828478', coInvestigators: ['山田 太郎', '田中 次郎'],
      members: [
        { name: '佐藤 花子', role: 'pi', researcherNumber: '00828478', effort: { 2025: 30 } },
        { name: '山田 太郎', role: 'co-investigator', effort: { 2025: 20 } },
        { name: '田中 次郎', role: 'co-investigator', effort: { 2025: 10 } },
      ],
    },
  },
  {
    code: 'M-003', title: '次世代電池材料の計算科学的探索', pi: '高橋 健', number: '10050426', dept: '工学研究科', co: 'ジョン・スミス, 伊藤 美咲', effort: '25',
    period: 'R7年度', start: '2025-04-01', end: '2026-03-31', direct: 3_000_000, indirect: 900_000,
    expect: {
      piNumber: '10050426', coInvestigators: ['ジョン・スミス', '伊藤 美咲'],
      members: [
        { name: '高橋 健', role: 'pi', researcherNumber: '10050426', effort: { 2025: 25 } },
        { name: 'ジョン・スミス', role: 'co-investigator', effort: {} },
        { name: '伊藤 美咲', role: 'co-investigator', effort: {} },
      ],
    },
  },
  {
    code: 'M-004', title: '複合材料の疲労寿命予測', pi: '渡辺 大輔', number: null, dept: '工学研究科',
    co: '中村 悠  東都大学, 大学院工学系研究科, 准教授 (20112013)\n小林 誠  西海大学, 薬学部, 教授 (50298765)', effort: '渡辺35・中村15・小林5',
    period: '2025/4/1～2027/3/31', start: '2025-04-01', end: '2027-03-31', direct: 4_000_000, indirect: 1_200_000,
    expect: {
      coInvestigators: ['中村 悠', '小林 誠'],
      members: [
        { name: '渡辺 大輔', role: 'pi', effort: both(35) },
        { name: '中村 悠', role: 'co-investigator', researcherNumber: '20112013', effort: both(15) },
        { name: '小林 誠', role: 'co-investigator', researcherNumber: '50298765', effort: both(5) },
      ],
    },
  },
  {
    code: 'M-005', title: '高齢者の睡眠と認知機能の縦断研究', pi: '森 由美', number: '', dept: '医学研究科', co: '', effort: 0.3,
    period: 'R7.4.1～R8.3.31', start: '2025-04-01', end: '2026-03-31', direct: 1_000_000, indirect: 300_000,
    expect: { coInvestigators: [], members: [{ name: '森 由美', role: 'pi', effort: { 2025: 30 } }] },
  },
];

export const ledgerMembers: CorpusLayout = {
  id: 'ledger-members',
  fileName: '研究者別_受入一覧.xlsx',
  description: '研究分担者 split on ・, line breaks, commas and KAKEN packing; 研究者番号 as text, as a number cell (leading zeros lost) and with a doubted check digit; エフォート as 代表40/分担10, by name, a bare figure and a 30% cell.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '受入一覧',
        rows: [
          ['令和7年度 外部資金受入一覧（研究者別）'],
          ['（単位：円）'],
          ['管理番号', '研究課題名', '研究代表者', '研究者番号', '所属', '研究分担者', 'エフォート（%）', '研究期間', '令和7年度 直接経費', '令和7年度 間接経費'],
          ...ROWS.map((r): Cell[] => [r.code, r.title, r.pi, r.number, r.dept, r.co || null, r.effort, r.period, r.direct, r.indirect]),
        ],
        numFmts: { 6: '0%', 8: '#,##0', 9: '#,##0' },
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({
      code: r.code, title: r.title, pi: r.pi, department: r.dept, startDate: r.start, endDate: r.end, coInvestigators: r.expect.coInvestigators,
      // A number cell (828478) is checked on the member: the file holds no text 00828478 to state it.
      ...(r.expect.piNumber && typeof r.number === 'string' ? { piResearcherNumber: r.expect.piNumber } : {}),
    })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.code, fiscalYear: 2025, directYen: r.direct, indirectYen: r.indirect })),
    members: ROWS.flatMap((r) => r.expect.members.map((m): ExpectedMember => ({ project: r.code, ...m }))),
  },
};

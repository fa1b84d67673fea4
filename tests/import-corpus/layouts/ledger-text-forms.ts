// A 共同研究・受託研究 contract list typed by hand: every text date form of the notes (R7.4.1, R07.04.01, Ｒ７．４．１,
// 令和元年5月1日, 2025/4/1, 2025-04-01, 2025年4月1日, 令和６年４月１日, H31.5.1) and every amount form (１５，０００，０００,
// ¥, ￥, 円, 千円 in a 円 sheet, ※1 marks, － for none, 未定), names with full-width, half-width, doubled or no spaces, a 相手先 column, a running
// No. column beside the real ID, and a 前年度増減額 column with ▲/△ negatives that is no field of a project.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { merge } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

interface Row {
  no: string; title: string; pi: string; piExpected: string; dept: string; partner: string;
  start: [Cell, string]; end: [Cell, string];
  direct: [Cell, number | null]; indirect: [Cell, number | null];
  change: Cell;
}

const ROWS: Row[] = [
  { no: 'T-01', title: '抗体医薬の製造プロセス最適化', pi: '山田　太郎', piExpected: '山田 太郎', dept: '薬学研究科', partner: '株式会社東都製薬', start: ['R7.4.1', '2025-04-01'], end: ['R8.3.31', '2026-03-31'], direct: ['１５，０００，０００', 15_000_000], indirect: ['４，５００，０００', 4_500_000], change: '▲500,000' },
  { no: 'T-02', title: '難治性皮膚疾患の臨床研究', pi: '佐藤 花子', piExpected: '佐藤 花子', dept: '医学研究科', partner: '国立研究開発法人日本医療研究開発機構', start: ['R07.04.01', '2025-04-01'], end: ['R09.03.31', '2027-03-31'], direct: ['¥3,000,000', 3_000_000], indirect: ['¥900,000', 900_000], change: '+200,000' },
  { no: 'T-03', title: '触媒材料の共同開発', pi: '鈴木一郎', piExpected: '鈴木一郎', dept: '工学研究科', partner: '東都化学工業株式会社', start: ['Ｒ７．４．１', '2025-04-01'], end: ['Ｒ８．３．３１', '2026-03-31'], direct: ['￥1,200,000', 1_200_000], indirect: ['￥360,000', 360_000], change: '△100,000' },
  { no: 'T-04', title: '地域医療連携の効果検証', pi: ' 田中  次郎 ', piExpected: '田中 次郎', dept: '医学研究科', partner: '一般財団法人東都医学振興会', start: ['令和元年5月1日', '2019-05-01'], end: ['令和9年3月31日', '2027-03-31'], direct: ['10,000,000円※1', 10_000_000], indirect: ['3,000,000円', 3_000_000], change: '－' },
  { no: 'T-05', title: '市内河川の水質モニタリング', pi: '高橋 三郎', piExpected: '高橋 三郎', dept: '理学研究科', partner: '東都市', start: ['2025/4/1', '2025-04-01'], end: ['2026/3/31', '2026-03-31'], direct: ['5,000,000円', 5_000_000], indirect: ['－', 0], change: null },
  { no: 'T-06', title: 'パワー半導体の信頼性評価', pi: '伊藤 四郎', piExpected: '伊藤 四郎', dept: '工学研究科', partner: '株式会社東都電機', start: ['2025-04-01', '2025-04-01'], end: ['2027-03-31', '2027-03-31'], direct: [2_000_000, 2_000_000], indirect: [600_000, 600_000], change: 0 },
  { no: 'T-07', title: '量子計算アルゴリズムの研究', pi: '渡辺　五郎', piExpected: '渡辺 五郎', dept: '理学研究科', partner: '国立研究開発法人科学技術振興機構', start: ['2025年4月1日', '2025-04-01'], end: ['2026年3月31日', '2026-03-31'], direct: ['未定', null], indirect: ['未定', null], change: null },
  { no: 'T-08', title: '発酵食品の機能性評価', pi: '中島 七海', piExpected: '中島 七海', dept: '農学研究科', partner: '株式会社北辰バイオ', start: ['令和６年４月１日', '2024-04-01'], end: ['令和８年３月３１日', '2026-03-31'], direct: ['8,000,000', 8_000_000], indirect: ['2,400,000', 2_400_000], change: '▲1,000,000' },
  // H31.5.1 was written after the era changed (Heisei ended on 2019-04-30): it means 2019-05-01 (a warning, not an
  // error); a figure with its own unit (千円) in a 円 sheet keeps that unit.
  { no: 'T-09', title: '感染制御チームの業務分析', pi: '太田 聡', piExpected: '太田 聡', dept: '医学部附属病院', partner: '一般社団法人東都病院協会', start: ['H31.5.1', '2019-05-01'], end: ['R8.3.31', '2026-03-31'], direct: ['1,500千円', 1_500_000], indirect: ['450千円', 450_000], change: null },
];

export const ledgerTextForms: CorpusLayout = {
  id: 'ledger-text-forms',
  fileName: '共同研究・受託研究契約一覧.xlsx',
  description: 'Hand-typed contract list: text dates in every form (H31.5.1 too), amounts as １５，０００，０００, ¥/￥, 円, 千円 in a 円 sheet, ※1, －, 未定, names with odd spaces, 相手先, a No. column, a ▲/△ 前年度増減額 column and a ※1 footnote.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '契約一覧',
        rows: [
          ['令和7年度 共同研究・受託研究 契約一覧'],
          ['（単位：円）'],
          ['No.', '管理番号', '研究題目', '研究代表者', '所属部局', '相手先', '契約開始日', '契約終了日', '直接経費', '間接経費', '前年度増減額'],
          ...ROWS.map((r, i): Cell[] => [i + 1, r.no, r.title, r.pi, r.dept, r.partner, r.start[0], r.end[0], r.direct[0], r.indirect[0], r.change]),
          [],
          ['※1 うち2,000,000円は設備備品費'],
        ],
        merges: [merge(0, 0, 0, 10)],
        numFmts: { 8: '#,##0', 9: '#,##0' },
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.piExpected, department: r.dept, funderName: r.partner, startDate: r.start[1], endDate: r.end[1] })),
    budgetLines: ROWS.flatMap((r): ExpectedBudgetLine[] =>
      r.direct[1] === null || r.indirect[1] === null ? [] : [{ project: r.no, fiscalYear: 2025, directYen: r.direct[1], indirectYen: r.indirect[1] }],
    ),
  },
};

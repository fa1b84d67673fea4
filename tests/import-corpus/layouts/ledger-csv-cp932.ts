// A 共同研究 ledger saved from Excel as CSV: CP932 without BOM, its first header in kanji, title and unit rows above
// the header as Excel writes them (trailing commas), 自～至 periods in one cell, and an amount with a thousands comma
// quoted as Excel quotes it.
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';
import { csvText, cp932Bytes } from '../text-files';

const ROWS = [
  { no: '共-25-001', title: 'ウェアラブル心電計の共同開発', pi: '後藤 二郎', dept: '医学研究科', partner: '株式会社東都メディカル', period: 'R7.4.1～R8.3.31', start: '2025-04-01', end: '2026-03-31', direct: '3,000,000', indirect: '900,000' },
  { no: '共-25-002', title: '耐熱合金の組織制御', pi: '小林　誠', dept: '工学研究科', partner: '北辰重工業株式会社', period: 'R7.6.1～R9.5.31', start: '2025-06-01', end: '2027-05-31', direct: '4500000', indirect: '450000' },
  { no: '共-25-003', title: '日本酒酵母の香気成分解析', pi: '中島七海', dept: '農学研究科', partner: '東都酒造株式会社', period: '2025/4/1～2026/3/31', start: '2025-04-01', end: '2026-03-31', direct: '1,000,000', indirect: '－' },
];

const yen = (s: string) => (s === '－' ? 0 : Number(s.replace(/,/g, '')));

export const ledgerCsvCp932: CorpusLayout = {
  id: 'ledger-csv-cp932',
  fileName: '共同研究一覧.csv',
  description: 'An office ledger saved by Excel as CSV (CP932, no BOM, CRLF): title and unit rows padded with commas, 相手先, 研究期間 ranges, amounts with and without commas, － for none.',
  build: () =>
    cp932Bytes(
      csvText(
        [
          ['令和7年度 共同研究受入一覧', '', '', '', '', '', '', ''],
          ['（単位：円）', '', '', '', '', '', '', ''],
          ['管理番号', '研究題目', '研究代表者', '所属', '相手先', '研究期間', '直接経費', '間接経費'],
          ...ROWS.map((r) => [r.no, r.title, r.pi, r.dept, r.partner, r.period, r.direct, r.indirect]),
        ],
        { quoteAll: false, eol: '\r\n' },
      ),
    ),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, department: r.dept, funderName: r.partner, startDate: r.start, endDate: r.end })),
    budgetLines: ROWS.map((r): ExpectedBudgetLine => ({ project: r.no, fiscalYear: 2025, directYen: yen(r.direct), indirectYen: yen(r.indirect) })),
  },
};

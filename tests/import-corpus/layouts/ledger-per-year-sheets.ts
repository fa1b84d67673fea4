// One sheet per fiscal year (令和6年度, 令和7年度), as offices keep a ledger year after year: each sheet has its title
// row with the year, a unit note, 【部局】 section rows with blank separators, 小計 and 合計 rows, and a 研究期間
// column of ranges written differently from one year to the next. A project running both years is on both sheets.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';
import { merge } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';

interface Project {
  no: string; title: string; pi: string; dept: string; funder: string; start: string; end: string;
  /** Per fiscal year: the period as that year's sheet writes it and the money in 千円. */
  years: Record<number, { period: string; direct: number; indirect: number }>;
}

const PROJECTS: Project[] = [
  {
    no: 'Y-101', title: '血中バイオマーカーによるがん早期発見', pi: '木村 大樹', dept: '医学研究科', funder: '国立研究開発法人日本医療研究開発機構', start: '2024-04-01', end: '2027-03-31',
    years: { 2024: { period: 'R6.4.1～R9.3.31', direct: 8_000, indirect: 2_400 }, 2025: { period: '2024/4/1～2027/3/31', direct: 8_500, indirect: 2_550 } },
  },
  {
    no: 'Y-102', title: '睡眠障害の疫学調査', pi: '林　真理子', dept: '医学研究科', funder: '厚生労働省', start: '2024-04-01', end: '2025-03-31',
    years: { 2024: { period: 'R6.4.1～R7.3.31', direct: 3_000, indirect: 900 } },
  },
  {
    no: 'Y-103', title: '遺伝性難聴の遺伝子治療研究', pi: '斎藤 健太', dept: '医学研究科', funder: '国立研究開発法人日本医療研究開発機構', start: '2025-04-01', end: '2028-03-31',
    years: { 2025: { period: '令和7年4月1日から令和10年3月31日まで', direct: 6_000, indirect: 1_800 } },
  },
  {
    no: 'Y-201', title: '自動運転向け高精度地図の生成', pi: '山崎 翼', dept: '工学研究科', funder: '国立研究開発法人新エネルギー・産業技術総合開発機構', start: '2024-10-01', end: '2026-03-31',
    years: { 2024: { period: 'R6.10.1～R8.3.31', direct: 2_000, indirect: 600 }, 2025: { period: '2024/10/1～2026/3/31', direct: 4_000, indirect: 1_200 } },
  },
  {
    no: 'Y-202', title: '水素貯蔵合金の劣化解析', pi: '阿部 光', dept: '工学研究科', funder: '株式会社東都エネルギー', start: '2025-04-01', end: '2026-03-31',
    years: { 2025: { period: 'R7.4.1～R8.3.31', direct: 1_500, indirect: 150 } },
  },
];

const DEPTS = ['医学研究科', '工学研究科'];

function yearSheet(fy: number, era: string): SheetSpec {
  const rows: Cell[][] = [
    [`${era} 受託研究一覧`],
    ['（単位：千円）'],
    ['管理番号', '研究課題名', '研究代表者', '委託者', '研究期間', '直接経費', '間接経費', '計'],
  ];
  let gd = 0;
  let gi = 0;
  DEPTS.forEach((dept, i) => {
    if (i > 0) rows.push([]);
    rows.push([`【${dept}】`]);
    let sd = 0;
    let si = 0;
    for (const p of PROJECTS.filter((x) => x.dept === dept && x.years[fy])) {
      const y = p.years[fy]!;
      rows.push([p.no, p.title, p.pi, p.funder, y.period, y.direct, y.indirect, y.direct + y.indirect]);
      sd += y.direct;
      si += y.indirect;
    }
    rows.push([null, '小計', null, null, null, sd, si, sd + si]);
    gd += sd;
    gi += si;
  });
  rows.push([]);
  rows.push([null, '合計', null, null, null, gd, gi, gd + gi]);
  return { name: era, rows, merges: [merge(0, 0, 0, 7)], numFmts: { 5: '#,##0', 6: '#,##0', 7: '#,##0' } };
}

export const ledgerPerYearSheets: CorpusLayout = {
  id: 'ledger-per-year-sheets',
  fileName: '受託研究一覧_年度別.xlsx',
  description: 'One sheet per year (令和6年度, 令和7年度) in 千円, 【部局】 section rows, blank separators, 小計/合計, a 研究期間 range column written as R6.4.1～R9.3.31, 2024/4/1～2027/3/31 and 令和7年4月1日から令和10年3月31日まで.',
  build: () => writeWorkbookBytes([yearSheet(2024, '令和6年度'), yearSheet(2025, '令和7年度')]),
  expected: {
    projects: PROJECTS.map((p): ExpectedProject => ({ code: p.no, title: p.title, pi: p.pi, department: p.dept, funderName: p.funder, startDate: p.start, endDate: p.end })),
    budgetLines: PROJECTS.flatMap((p) =>
      Object.entries(p.years).map(([fy, y]): ExpectedBudgetLine => ({ project: p.no, fiscalYear: Number(fy), directYen: y.direct * 1000, indirectYen: y.indirect * 1000 })),
    ),
  },
};

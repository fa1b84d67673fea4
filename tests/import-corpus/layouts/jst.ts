// A JST list as an office keeps it: 体系的番号 (JPMJ…) for the ID, 所属機関・役職 packed in one cell, and periods
// written by month (`2015 年 10 月~2021 年 3 月`, `2022年10月～2026年3月`): a period by month runs from the first
// day of its first month to the last day of its last.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { merge } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedProject } from '../score';

const ROWS = [
  { area: 'CREST 量子状態の高度な制御', no: 'JPMJCR1503', title: '光量子メモリの高効率化', pi: '林 浩二', aff: '東都大学 大学院理学系研究科 教授', position: '教授', period: '2015 年 10 月~2021 年 3 月', start: '2015-10-01', end: '2021-03-31' },
  { area: 'さきがけ 生体分子の機能', no: 'JPMJPR22P3', title: '細胞内相分離の一分子観察', pi: '清水　彩', aff: '東都大学 大学院薬学系研究科 准教授', position: '准教授', period: '2022年10月～2026年3月', start: '2022-10-01', end: '2026-03-31' },
  { area: 'SATREPS 防災', no: 'JPMJSA2109', title: '沿岸都市の洪水早期警戒システムの構築', pi: '森田 隆', aff: '東都大学 大学院工学系研究科 教授', position: '教授', period: '2022年4月～2027年3月', start: '2022-04-01', end: '2027-03-31' },
  { area: 'CREST 細胞制御', no: 'JPMJCR24B1', title: '人工細胞による代謝経路の再構成', pi: '西村 美和', aff: '東都大学 大学院農学生命科学研究科 特任教授', position: '特任教授', period: '2024年10月～2030年3月', start: '2024-10-01', end: '2030-03-31' },
];

export const jstList: CorpusLayout = {
  id: 'jst-list',
  fileName: 'JST採択課題一覧.xlsx',
  description: 'A JST list: 体系的番号 JPMJ… as the ID, 所属機関・役職 in one cell, periods by month with ~ and ～ and spaces, a title row.',
  build: () =>
    writeWorkbookBytes([
      {
        name: 'JST',
        rows: [
          ['戦略的創造研究推進事業・SATREPS 採択課題一覧（本学分）'],
          ['研究領域', '体系的番号', '研究課題名', '研究代表者', '所属機関・役職', '研究期間'],
          ...ROWS.map((r): Cell[] => [r.area, r.no, r.title, r.pi, r.aff, r.period]),
        ],
        merges: [merge(0, 0, 0, 5)],
      },
    ]),
  expected: {
    projects: ROWS.map((r): ExpectedProject => ({ code: r.no, title: r.title, pi: r.pi, piPosition: r.position, startDate: r.start, endDate: r.end })),
    budgetLines: [],
  },
};

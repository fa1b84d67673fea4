// Fixture workbooks built in the tests themselves (no binary files in the repo): an office's messy sheet with a cover
// sheet, title rows, a 単位 note, merged group headers, wareki dates, full-width digits, 未定, totals and bad rows.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';

const d = (iso: string): Cell => ({ kind: 'date', iso });

/** Row numbers (1-based, as Excel shows them) of the messy sheet's notable rows. */
export const MESSY_ROWS = {
  firstData: 5,
  /** Row with an impossible date (R7.2.30). */
  badDate: 9,
  /** Row whose end is before its start. */
  endBeforeStart: 10,
  /** Two rows sharing an ID. */
  duplicateA: 11,
  duplicateB: 12,
  /** Negative amount. */
  negative: 13,
  blank: 14,
  subtotal: 15,
  /** 令和0年 in the period. */
  eraZero: 16,
  /** Month 13. */
  month13: 17,
  /** Unknown funder. */
  unknownFunder: 18,
  total: 19,
} as const;

/**
 * The messy office sheet: sheet 1 is a cover (表紙), sheet 2 holds the table. Header on rows 3–4 (研究開発期間 and
 * 令和7年度 merged over two sub-columns), 単位：千円 on row 2, data from row 5.
 */
export function messyOfficeSheets(): SheetSpec[] {
  const cover: SheetSpec = {
    name: '表紙',
    rows: [['令和7年度 研究開発課題 管理台帳'], ['研究推進課'], ['作成日', d('2025-04-10')], ['備考：この台帳は学内資料です']],
  };
  const header3: Cell[] = ['管理番号', '研究開発課題名', '研究代表者', '所属部局', '事業名', '研究開発期間', null, '令和7年度', null, 'R8直接経費', '中間評価', 'AMED課題番号', 'e-Rad課題番号', '備考'];
  const header4: Cell[] = [null, null, null, null, null, '開始', '終了', '直接経費', '間接経費', null, null, null, null, null];
  const rows: Cell[][] = [
    ['令和7年度 研究開発課題一覧'],
    ['（単位：千円）'],
    header3,
    header4,
    // 5: Excel date cells, numbers in 千円.
    ['A-001', '新規医療機器の開発', '山田 太郎', '医学研究科', '医療機器等研究成果展開事業', d('2025-04-01'), d('2028-03-31'), 10000, 3000, 12000, d('2026-09-30'), '25hk0102001h0001', '25123456', ''],
    // 6: slash dates as text, full-width digits and commas, amount 未定 for R8.
    ['A-002', '再生医療の実用化研究', '佐藤 花子', '工学研究科', '再生・細胞医療・遺伝子治療実現加速化プログラム', '2025/4/1', '2027-03-31', '５，０００', '１，５００', '未定', 'R8.10.1', '', '', '=SUM(A1)'],
    // 7: wareki long and short, 令和元年, H31.
    ['A-003', 'ゲノム医療の基盤研究', '鈴木 一郎', '医学研究科', 'ゲノム医療実現バイオバンク利活用プログラム', '令和元年5月1日', 'R4.3.31', '-', '-', 2000, '', '', '', '元号の境目'],
    // 8: 2025年4月1日 form, H31.4.1, amounts with units in cell.
    ['A-004', '創薬基盤の構築', '田中 次郎', '薬学研究科', 'BINDS', 'H31.4.1', '2025年3月31日', '8,000千円', 2400, 9000, '', '', '', ''],
    // 9: impossible date R7.2.30.
    ['A-005', '誤った日付の課題', '高橋 三郎', '理学研究科', 'BINDS', 'R7.2.30', 'R8.3.31', 1000, 300, '', '', '', '', ''],
    // 10: end before start.
    ['A-006', '逆転した期間', '伊藤 四郎', '理学研究科', 'BINDS', '2026/4/1', '2025/3/31', 1000, 300, '', '', '', '', ''],
    // 11–12: duplicate ID.
    ['A-007', '重複した管理番号その1', '渡辺 五郎', '農学研究科', 'BINDS', '2025/4/1', '2026/3/31', 1000, 300, '', '', '', '', ''],
    ['A-007', '重複した管理番号その2', '渡辺 五郎', '農学研究科', 'BINDS', '2025/4/1', '2026/3/31', 1000, 300, '', '', '', '', ''],
    // 13: negative amount.
    ['A-008', 'マイナス金額', '中村 六郎', '医学研究科', 'BINDS', '2025/4/1', '2026/3/31', -500, 300, '', '', '', '', ''],
    // 14: blank row.
    [],
    // 15: subtotal.
    [null, '小計', null, null, null, null, null, 28000, 8400, 23000],
    // 16: 令和0年.
    ['A-009', '令和0年の課題', '小林 七子', '医学研究科', 'BINDS', '令和0年4月1日', 'R8.3.31', 1000, 300, '', '', '', '', ''],
    // 17: month 13.
    ['A-010', '13月の課題', '加藤 八子', '医学研究科', 'BINDS', '2025/13/1', 'R8.3.31', 1000, 300, '', '', '', '', ''],
    // 18: unknown funder, blank amounts.
    ['A-011', '民間財団の助成研究', '吉田 九子', '歯学研究科', '〇〇記念財団 研究助成', '2025/4/1', '2026/3/31', null, null, null, '', '', '', ''],
    // 19: total.
    ['合計', null, null, null, null, null, null, 30000, 9000, 23000],
  ];
  const table: SheetSpec = {
    name: '課題一覧',
    rows,
    merges: [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 13 } },
      { s: { r: 2, c: 5 }, e: { r: 2, c: 6 } },
      { s: { r: 2, c: 7 }, e: { r: 2, c: 8 } },
      ...[0, 1, 2, 3, 4, 9, 10, 11, 12, 13].map((c) => ({ s: { r: 2, c }, e: { r: 3, c } })),
    ],
  };
  return [cover, table];
}

export function messyOfficeWorkbook(): Uint8Array {
  return writeWorkbookBytes(messyOfficeSheets());
}

/** A second layout: one "start〜end" period column, fiscal year in 「R7直接経費」 headers, 百万円 in the header. */
export function rangeLayoutSheets(): SheetSpec[] {
  return [
    {
      name: 'Sheet1',
      rows: [
        ['課題名', '代表者', '部局', 'プログラム名', '研究開発期間', 'R7直接経費（百万円）', 'R7間接経費（百万円）', '令和8年度 直接経費（百万円）', '令和8年度 間接経費（百万円）', '管理番号', 'ステージゲート', '事後評価'],
        ['がん新規治療法の探索', '山本 一', '医学研究科', '次世代がん医療加速化研究事業', 'R7.4.1〜R10.3.31', 12.5, 3.75, '１２．５', 3.75, 'B-001', 'R8.3.31', '令和10年5月31日'],
        ['医療機器チャレンジ', '森 二', '工学研究科', '医療機器等研究成果展開事業', '2025/4/1～2027/3/31', 5, 1.5, '', '', 'B-002', 'R7.2.30', ''],
        ['年度指定の課題', '池田 三', '理学研究科', 'BINDS', '令和7年度〜令和8年度', 1, 0.3, 1, 0.3, 'B-003', '', ''],
      ],
    },
  ];
}

/** An English office sheet with two period columns and western headers. */
export function englishLayoutSheets(): SheetSpec[] {
  return [
    {
      name: 'Projects list',
      rows: [
        ['Unit: JPY'],
        ['ID', 'Title', 'PI', 'Department', 'Program', 'Start', 'End', 'FY2025 Direct', 'FY2025 Indirect', 'Notes'],
        ['C-001', 'Structural biology platform', 'Ito', 'Science', 'BINDS', d('2022-04-01'), d('2027-03-31'), 20_000_000, 6_000_000, '+cmd'],
      ],
    },
  ];
}

// The three files of issue 13, rebuilt from its description (no binary files in the repo): an AMED-style award list
// with 研究開発期間（開始）/（終了） columns, a 受託研究 ledger with a two-row merged header, section rows, 小計 rows and a
// 令和7年度 契約額 group, and a KAKEN search export saved as CSV (UTF-8 with BOM, and CP932 as Excel re-saves it).
import type { Cell, SheetSpec } from '../../../shared/excel/sheetjs';

const d = (iso: string): Cell => ({ kind: 'date', iso });

export const ERA_LONG = '[$-ja-JP]ggge"年"m"月"d"日"';
export const ERA_SHORT = '[$-411]ge.m.d';

/** The award list: 13 projects, AMED 課題管理番号 as the only ID, the period in two qualified columns. */
export function awardListSheets(): SheetSpec[] {
  const names = ['山田 太郎', '佐藤　花子', '鈴木一郎', '田中 次郎', '高橋 三郎', '伊藤 四郎', '渡辺 五郎', '中村 六郎', '小林 七子', '加藤 八子', '吉田 九子', '山本 十郎', '森 一'];
  const positions = ['教授', '准教授', '講師', '助教', '教授', '特任教授', '准教授', '教授', '講師', '教授', '准教授', '助教', '教授'];
  const rows: Cell[][] = [
    ['令和7年度 医療機器等研究成果展開事業 採択課題一覧'],
    ['課題管理番号', '研究開発課題名', '研究開発代表者', '所属機関', '役職', '研究開発期間（開始）', '研究開発期間（終了）'],
  ];
  names.forEach((name, i) => {
    const n = String(i + 1).padStart(3, '0');
    // Dates as era-formatted date cells on even rows and as text on odd ones (R7.4.1, 令和10年3月31日).
    const start = i % 2 === 0 ? d('2025-04-01') : 'R7.4.1';
    const end = i % 2 === 0 ? d(`${2027 + (i % 3)}-03-31`) : `令和${9 + (i % 3)}年3月31日`;
    rows.push([`25hk0102${n}h0001`, `医療機器の研究開発 その${i + 1}`, name, '〇〇大学', positions[i]!, start, end]);
  });
  return [{ name: '採択課題', rows, numFmts: { 5: ERA_LONG, 6: ERA_SHORT }, merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }] }];
}

/** The 受託研究 ledger: title, print date and unit rows, a two-row merged header, section, 小計, 合計 and footnote rows. */
export function ledgerSheets(): SheetSpec[] {
  const top: Cell[] = ['管理番号', '研究課題名', '相手先', '研究開発代表者', null, '研究開発期間', null, '令和7年度 契約額', null, null];
  const sub: Cell[] = [null, null, null, '氏名', '職名', '開始', '終了', '直接経費', '間接経費（一般管理費）', '合計'];
  const rows: Cell[][] = [
    ['令和7年度 受託研究受入一覧'],
    ['作成日：令和7年5月1日'],
    [null, null, null, null, null, null, null, null, null, '（単位：千円）'],
    top,
    sub,
    ['【医学研究科】'],
    ['J-0001', '新規治療薬の探索研究', '国立研究開発法人日本医療研究開発機構', '山田 太郎', '教授', d('2025-04-01'), d('2028-03-31'), 10_000, 3_000, 13_000],
    ['J-0002', '再生医療の実用化研究', '国立研究開発法人日本医療研究開発機構', '佐藤　花子', '准教授', d('2025-06-01'), d('2027-03-31'), '5,000', '1,500', '6,500'],
    // 千円 figures truncated: 計 is one 千円 off direct + indirect, which is no warning.
    ['J-0003', 'ゲノム解析の基盤研究', '株式会社〇〇製薬', '鈴木 一郎', '講師', d('2025-04-01'), d('2026-03-31'), 3_333, 999, 4_333],
    [null, '小計', null, null, null, null, null, 18_333, 5_499, 23_833],
    [],
    ['【工学研究科】'],
    ['J-0004', '医療機器の開発', '国立研究開発法人科学技術振興機構', '田中 次郎', '教授', d('2025-10-01'), d('2028-03-31'), 8_000, 2_400, 10_400],
    // A 計 that does not add up: a warning, the direct and indirect figures are imported.
    ['J-0005', 'センサー材料の研究', '〇〇財団', '高橋 三郎', '助教', d('2025-04-01'), d('2026-03-31'), 1_000, 100, 1_500],
    [null, '小計', null, null, null, null, null, 9_000, 2_500, 11_900],
    ['合計', null, null, null, null, null, null, 27_333, 7_999, 35_733],
    ['※ 金額は令和7年度の契約額'],
  ];
  const eraFmt = { 5: ERA_LONG, 6: ERA_LONG };
  return [
    {
      name: '受託研究',
      rows,
      numFmts: eraFmt,
      merges: [
        { s: { r: 0, c: 0 }, e: { r: 0, c: 9 } },
        ...[0, 1, 2].map((c) => ({ s: { r: 3, c }, e: { r: 4, c } })),
        { s: { r: 3, c: 3 }, e: { r: 3, c: 4 } },
        { s: { r: 3, c: 5 }, e: { r: 3, c: 6 } },
        { s: { r: 3, c: 7 }, e: { r: 3, c: 9 } },
        { s: { r: 5, c: 0 }, e: { r: 5, c: 9 } },
        { s: { r: 11, c: 0 }, e: { r: 11, c: 9 } },
      ],
    },
  ];
}

export const KAKEN_HEADERS = [
  '研究課題名', '研究課題/領域番号', '研究期間 (年度)', '研究種目', '審査区分', '研究分野', '研究機関', '応募区分', '研究代表者', '研究分担者',
  '連携研究者', '研究協力者', 'キーワード', '総配分額', '総配分額 (直接経費)', '評価記号', '配分額*注記', '研究概要', '研究成果の概要',
];

/** KAKEN export rows: the packed people, the en-dash periods (one 予定), the multi-line 配分額*注記 in 千円. */
export function kakenRows(): string[][] {
  return [
    KAKEN_HEADERS,
    [
      '論理回路の高速化手法', '23KF0079', '2023-04-01 – 2026-03-31', '基盤研究(B)', '小区分60040', '計算機システム', '明治大学', '一般',
      '笹尾 勤  明治大学, 理工学部, 教授 (20112013)', '山田 太郎  明治大学, 理工学部, 准教授 (00828478)\n佐藤 花子  九州工業大学, 情報工学研究院, 助教 (40612345)',
      '', '', '論理合成', '9,100千円 (直接経費: 7,000千円、間接経費: 2,100千円)', '7,000千円', '',
      '9,100千円 (直接経費: 7,000千円、間接経費: 2,100千円)\n2023年度: 2,210千円 (直接経費: 1,700千円、間接経費: 510千円)\n2024年度: 3,250千円 (直接経費: 2,500千円、間接経費: 750千円)\n2025年度: 3,640千円 (直接経費: 2,800千円、間接経費: 840千円)',
      '概要', '',
    ],
    [
      '細胞老化の分子機構', '25H00028', '2025-04-01 – 2029-03-31 (予定)', '基盤研究(S)', '大区分I', '医化学', '〇〇大学', '一般',
      '鈴木 一郎  〇〇大学, 大学院医学系研究科, 特任教授 (70234567)', '', '', '', '老化', '50,050千円 (直接経費: 38,500千円、間接経費: 11,550千円)',
      '38,500千円', '', '50,050千円 (直接経費: 38,500千円、間接経費: 11,550千円)\n2025年度: 13,000千円 (直接経費: 10,000千円、間接経費: 3,000千円)', '', '',
    ],
  ];
}

/** Rows as a CSV the way KAKEN writes it (every cell quoted, CRLF). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}

let sjisTable: Map<string, number[]> | null = null;

/**
 * Encodes text as CP932 the way Excel saves it: the table is built by decoding every Shift_JIS byte pair with the
 * platform's own TextDecoder; a character CP932 lacks (the en dash) becomes "?".
 */
export function encodeCp932(text: string): Uint8Array {
  if (!sjisTable) {
    sjisTable = new Map();
    const dec = new TextDecoder('shift_jis');
    for (let b = 0xa1; b <= 0xdf; b++) sjisTable.set(dec.decode(Uint8Array.of(b)), [b]);
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\uFFFD' && !sjisTable.has(ch)) sjisTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(sjisTable.get(ch) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

// AMED award tables as offices keep them: the published columns 研究開発課題名 | 研究開発代表者 | 所属機関 | 役職 with the
// 課題管理番号 added, the variant headers (代表機関名 first, 研究開発代表者名, 所属, 役職名), and the award list
// whose period is two columns, 研究開発期間（開始） and 研究開発期間（終了）, in date cells and typed dates.
import { writeWorkbookBytes } from '../../../shared/excel/sheetjs';
import type { Cell } from '../../../shared/excel/sheetjs';
import { d, ERA_LONG, merge } from '../cells';
import type { CorpusLayout } from '../layout';
import type { ExpectedProject } from '../score';

const AWARDS = [
  { no: '25hk0102001h0001', title: '低侵襲カテーテル型血流センサの開発', pi: '山田　太郎', inst: '国立大学法人東都大学', position: '教授' },
  { no: '25hk0102014h0001', title: '在宅透析患者のための遠隔モニタリング機器の実用化', pi: '佐藤 花子', inst: '国立大学法人東都大学', position: '准教授' },
  { no: '24hk0102042h0002', title: '手術支援ロボット用力覚フィードバック鉗子の開発', pi: '鈴木一郎', inst: '国立大学法人東都大学', position: '特任教授' },
  { no: '23hk0102077h0003', title: '小児用人工心臓弁の長期耐久性評価', pi: '高橋　三郎', inst: '国立大学法人東都大学', position: '講師' },
];

export const amedAwardTable: CorpusLayout = {
  id: 'amed-award-table',
  fileName: '採択課題一覧_医療機器.xlsx',
  description: "AMED's published award columns (研究開発課題名 | 研究開発代表者 | 所属機関 | 役職) with the 課題管理番号 in front, a title row, a blank row, names with full-width, half-width and no spaces.",
  build: () =>
    writeWorkbookBytes([
      {
        name: '採択課題一覧',
        rows: [
          ['令和7年度 医療機器等研究成果展開事業 採択課題一覧（本学分）'],
          [],
          ['課題管理番号', '研究開発課題名', '研究開発代表者', '所属機関', '役職'],
          ...AWARDS.map((a): Cell[] => [a.no, a.title, a.pi, a.inst, a.position]),
        ],
        merges: [merge(0, 0, 0, 4)],
        colWidths: [20, 50, 14, 24, 10],
      },
    ]),
  expected: {
    projects: AWARDS.map((a): ExpectedProject => ({ code: a.no, amedNumber: a.no, title: a.title, pi: a.pi, piPosition: a.position })),
    budgetLines: [],
  },
};

const VARIANT = [
  { inst: '国立大学法人東都大学', title: 'iPS細胞由来心筋シートの品質評価法の確立', pi: '中村　悠', dept: '大学院医学系研究科', position: '教授', no: '25bm1123005h0001' },
  { inst: '国立大学法人東都大学', title: '難治性てんかんに対する遺伝子治療法の開発', pi: '小林 誠', dept: '医学部附属病院', position: '准教授', no: '25bm1223011h0001' },
  { inst: '国立大学法人東都大学', title: '創薬標的としての膜輸送体の構造解析', pi: '加藤恵', dept: '大学院薬学系研究科', position: '教授', no: '24ak0101133h0002' },
];

export const amedVariantHeaders: CorpusLayout = {
  id: 'amed-variant-headers',
  fileName: 'AMED採択一覧_再生医療.xlsx',
  description: 'The variant AMED headers: 代表機関名 first, 研究開発代表者名, 所属 (the department), 役職名, with the 課題管理番号 last; a notes sheet in front of the table.',
  build: () =>
    writeWorkbookBytes([
      { name: '説明', rows: [['この一覧はAMEDの公表資料から本学分を抜き出したものです。'], ['更新：令和7年6月']] },
      {
        name: '一覧',
        rows: [
          ['代表機関名', '研究開発課題名', '研究開発代表者名', '所属', '役職名', '課題管理番号'],
          ...VARIANT.map((v): Cell[] => [v.inst, v.title, v.pi, v.dept, v.position, v.no]),
        ],
      },
    ]),
  expected: {
    projects: VARIANT.map((v): ExpectedProject => ({ code: v.no, amedNumber: v.no, title: v.title, pi: v.pi, department: v.dept, piPosition: v.position })),
    budgetLines: [],
  },
};

const PERIOD_ROWS: [string, string, string, string, string, string][] = [
  ['25ck0106801h0001', '希少疾患の新規診断マーカー探索', '伊藤 四郎', '教授', '2025-04-01', '2028-03-31'],
  ['25ck0106802h0001', 'AIを用いた病理画像診断支援', '渡辺 五郎', '准教授', '2025-04-01', '2027-03-31'],
  ['24ck0106731h0002', '小児がんの分子標的治療薬開発', '山本 六子', '教授', '2024-04-01', '2027-03-31'],
  ['24ck0106732h0002', '認知症の早期診断法の開発', '中島 七海', '講師', '2024-06-01', '2027-03-31'],
  ['23ck0106655h0003', 'ゲノム編集による筋疾患治療', '小川 八郎', '教授', '2023-04-01', '2026-03-31'],
  ['25ek0109801h0001', '難治性疼痛の機序解明', '前田 九美', '准教授', '2025-07-01', '2028-03-31'],
  ['25ek0109802h0001', '新規抗菌薬の探索', '藤田 十蔵', '教授', '2025-04-01', '2026-03-31'],
  ['24ek0109733h0002', '炎症性腸疾患のバイオマーカー', '岡田 一恵', '助教', '2024-04-01', '2026-03-31'],
  ['25fk0108801h0001', '感染症迅速診断キットの開発', '後藤 二郎', '教授', '2025-04-01', '2028-03-31'],
  ['24fk0108722h0002', '薬剤耐性菌の疫学研究', '長谷川 三奈', '准教授', '2024-10-01', '2027-03-31'],
  ['25gm1510001h0001', '臓器間ネットワークの解明', '村上 四季', '教授', '2025-04-01', '2030-03-31'],
  ['23gm1510077h0003', '老化細胞除去による疾患予防', '近藤 五月', '教授', '2023-04-01', '2026-03-31'],
  ['25lk0201011h0001', 'オンライン診療の有効性評価', '石田 六郎', '特任准教授', '2025-04-01', '2026-03-31'],
];

/** 2025/4/1, or 令和7年4月1日 (every date in this list is in the 令和 era). */
function typed(iso: string, wareki: boolean): string {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return wareki ? `令和${y - 2018}年${m}月${day}日` : `${y}/${m}/${day}`;
}

/** The first row as date cells shown 令和7年4月1日, the others typed as text, half 2025/4/1 and half 令和7年4月1日. */
function periodCells(start: string, end: string, index: number): Cell[] {
  return index === 0 ? [d(start), d(end)] : [typed(start, index % 2 === 0), typed(end, index % 2 === 0)];
}

export const amedPeriodColumns: CorpusLayout = {
  id: 'issue-amed-period-columns',
  fileName: 'AMED採択課題_研究開発期間.xlsx',
  description: 'Issue 13, file 1: an award list of 13 rows whose period is two columns, 研究開発期間（開始） and 研究開発期間（終了）: one row of date cells shown 令和7年4月1日, the others typed as 2025/4/1 or 令和7年4月1日; 職名 for the position.',
  build: () =>
    writeWorkbookBytes([
      {
        name: '採択課題',
        rows: [
          ['課題管理番号', '研究開発課題名', '研究開発代表者', '所属機関', '職名', '研究開発期間（開始）', '研究開発期間（終了）'],
          ...PERIOD_ROWS.map(([no, title, pi, position, start, end], i): Cell[] => [no, title, pi, '東都大学', position, ...periodCells(start, end, i)]),
        ],
        numFmts: { 5: ERA_LONG, 6: ERA_LONG },
        colWidths: [20, 36, 14, 12, 12, 18, 18],
      },
    ]),
  expected: {
    projects: PERIOD_ROWS.map(([no, title, pi, position, start, end]): ExpectedProject => ({ code: no, amedNumber: no, title, pi, piPosition: position, startDate: start, endDate: end })),
    budgetLines: [],
  },
};

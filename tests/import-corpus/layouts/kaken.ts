// KAKEN (科研費データベース) search exports: the site's CSV (UTF-8 with BOM, all 19 columns, packed 研究代表者 cells,
// multi-line 配分額*注記 in 千円, ranges with an en dash and " (予定)"), the same file after Excel saved it again
// (CP932, no BOM, the en dash turned into '?'), and the issue's export of a few columns (UTF-8, no BOM).
import type { CorpusLayout } from '../layout';
import type { ExpectedBudgetLine, ExpectedProject } from '../score';
import { csvText, cp932Bytes, excelCp932Text, utf8Bytes } from '../text-files';

const FULL_HEADERS = [
  '研究課題名', '研究課題/領域番号', '研究期間 (年度)', '研究種目', '審査区分', '研究分野', '研究機関', '応募区分',
  '研究代表者', '研究分担者', '連携研究者', '研究協力者', 'キーワード', '総配分額', '総配分額 (直接経費)', '評価記号',
  '配分額*注記', '研究概要', '研究成果の概要',
];

interface Person {
  name: string;
  institution: string;
  department: string;
  position: string;
  number: string;
}

interface KakenProject {
  title: string;
  code: string;
  start: string;
  end: string;
  planned: boolean;
  kind: string;
  review: string;
  field: string;
  institutions: string;
  pi: Person;
  coInvestigators: Person[];
  keywords: string;
  /** Per fiscal year in 千円. */
  years: { fy: number; direct: number; indirect: number }[];
  summary: string;
}

const person = (name: string, institution: string, department: string, position: string, number: string): Person => ({ name, institution, department, position, number });
const packed = (p: Person) => `${p.name}  ${p.institution}, ${p.department}, ${p.position} (${p.number})`;
const sen = (n: number) => n.toLocaleString('en-US');

function allocationNote(years: KakenProject['years']): string {
  const direct = years.reduce((s, y) => s + y.direct, 0);
  const indirect = years.reduce((s, y) => s + y.indirect, 0);
  const line = (label: string, dk: number, ik: number) => `${label}${sen(dk + ik)}千円 (直接経費: ${sen(dk)}千円、間接経費: ${sen(ik)}千円)`;
  // The site lists the latest year first.
  return [line('', direct, indirect), ...[...years].reverse().map((y) => line(`${y.fy}年度: `, y.direct, y.indirect))].join('\n');
}

function period(p: KakenProject): string {
  return `${p.start} – ${p.end}${p.planned ? ' (予定)' : ''}`;
}

const FULL: KakenProject[] = [
  {
    title: '論理関数の最小化アルゴリズムとその応用', code: '23500012', start: '2011-04-01', end: '2014-03-31', planned: false,
    kind: '基盤研究(C)', review: '', field: '計算機システム・ネットワーク', institutions: '東都大学 (2013)\n北辰工業大学 (2011-2012)',
    pi: person('山本 健一', '東都大学', '理工学部', '教授', '20112013'), coInvestigators: [], keywords: '論理関数 / 最小化 / 回路設計',
    years: [{ fy: 2011, direct: 1700, indirect: 510 }, { fy: 2012, direct: 1200, indirect: 360 }, { fy: 2013, direct: 1000, indirect: 300 }],
    summary: '多出力論理関数の最小化手法を開発した。',
  },
  {
    title: '腸内細菌叢を標的とした炎症性疾患の新規治療法の開発', code: '20H00028', start: '2020-04-01', end: '2024-03-31', planned: false,
    kind: '基盤研究(A)', review: '中区分52:内科学一般およびその関連分野', field: '', institutions: '東都大学',
    pi: person('高橋 美咲', '東都大学', '大学院医学系研究科', '准教授', '00828478'),
    coInvestigators: [person('佐々木 拓也', '東都大学', '大学院医学系研究科', '講師', '30512345'), person('井上 直子', '西海大学', '薬学部', '教授', '50298765')],
    keywords: '腸内細菌 / 炎症 / 治療法',
    years: [{ fy: 2020, direct: 10400, indirect: 3120 }, { fy: 2021, direct: 8200, indirect: 2460 }, { fy: 2022, direct: 7600, indirect: 2280 }, { fy: 2023, direct: 6800, indirect: 2040 }],
    summary: '腸内細菌叢と炎症の関係を明らかにした。',
  },
  {
    title: '高分子複合材料の疲労き裂進展機構の解明', code: '19K04750', start: '2019-04-01', end: '2022-03-31', planned: false,
    kind: '基盤研究(C)', review: '小区分18010:材料力学および機械材料関連', field: '', institutions: '東都大学',
    pi: person('中村 悠', '東都大学', '大学院工学系研究科', '教授', '70345678'),
    coInvestigators: [person('小林 誠', '東都大学', '大学院工学系研究科', '助教', '40765432')],
    keywords: '複合材料 / 疲労 / き裂',
    years: [{ fy: 2019, direct: 1500, indirect: 450 }, { fy: 2020, direct: 1000, indirect: 300 }, { fy: 2021, direct: 800, indirect: 240 }],
    summary: '',
  },
  {
    title: '一分子計測による膜タンパク質の構造変化の解析', code: '23KF0079', start: '2023-11-15', end: '2026-03-31', planned: true,
    kind: '特別研究員奨励費', review: '小区分43040:生物物理学関連', field: '', institutions: '東都大学',
    pi: person('加藤 恵', '東都大学', '大学院理学系研究科', '教授', '60234567'), coInvestigators: [], keywords: '一分子計測 / 膜タンパク質',
    years: [{ fy: 2023, direct: 700, indirect: 0 }, { fy: 2024, direct: 1100, indirect: 0 }, { fy: 2025, direct: 1000, indirect: 0 }],
    summary: '',
  },
  {
    title: '術後せん妄の予測モデルの構築と臨床応用', code: '24K02468', start: '2024-04-01', end: '2028-03-31', planned: true,
    kind: '基盤研究(B)', review: '小区分55060:救急医学関連', field: '', institutions: '東都大学',
    pi: person('渡辺 大輔', '東都大学', '医学部附属病院', '講師', '10987654'),
    coInvestigators: [person('山口 陽子', '東都大学', '医学部附属病院', '助教', '20876543'), person('清水 健', '北辰工業大学', '情報工学部', '准教授', '30765432')],
    keywords: 'せん妄 / 予測モデル / 機械学習',
    years: [{ fy: 2024, direct: 5300, indirect: 1590 }, { fy: 2025, direct: 4100, indirect: 1230 }],
    summary: '',
  },
];

const ISSUE: KakenProject[] = [
  {
    title: '作物の高温耐性を支える遺伝子ネットワークの解明', code: '25H00456', start: '2025-04-01', end: '2029-03-31', planned: true,
    kind: '基盤研究(A)', review: '', field: '', institutions: '東都大学',
    pi: person('松本 亮', '東都大学', '大学院農学生命科学研究科', '教授', '80456789'), coInvestigators: [], keywords: '',
    years: [{ fy: 2025, direct: 12000, indirect: 3600 }], summary: '',
  },
  {
    title: '探究学習における評価方法の開発', code: '25K12345', start: '2025-04-01', end: '2028-03-31', planned: true,
    kind: '基盤研究(C)', review: '', field: '', institutions: '東都大学',
    pi: person('森 由美', '東都大学', '大学院教育学研究科', '准教授', '90567890'), coInvestigators: [], keywords: '',
    years: [{ fy: 2025, direct: 1300, indirect: 390 }], summary: '',
  },
  {
    title: '地域金融機関の合併効果の実証分析', code: '22K01234', start: '2022-04-01', end: '2025-03-31', planned: false,
    kind: '若手研究', review: '', field: '', institutions: '東都大学',
    pi: person('石井 翔太', '東都大学', '大学院経済学研究科', '講師', '20678901'), coInvestigators: [], keywords: '',
    years: [{ fy: 2022, direct: 1200, indirect: 360 }, { fy: 2023, direct: 900, indirect: 270 }, { fy: 2024, direct: 600, indirect: 180 }],
    summary: '',
  },
];

function fullRow(p: KakenProject): string[] {
  const direct = p.years.reduce((s, y) => s + y.direct, 0);
  const total = p.years.reduce((s, y) => s + y.direct + y.indirect, 0);
  return [
    p.title, p.code, period(p), p.kind, p.review, p.field, p.institutions, '一般', packed(p.pi), p.coInvestigators.map(packed).join('\n'),
    '', '', p.keywords, String(total * 1000), String(direct * 1000), '', allocationNote(p.years), p.summary, '',
  ];
}

function expectedOf(list: readonly KakenProject[]): { projects: ExpectedProject[]; budgetLines: ExpectedBudgetLine[] } {
  return {
    projects: list.map((p) => ({
      code: p.code, title: p.title, pi: p.pi.name, department: p.pi.department, piPosition: p.pi.position, piResearcherNumber: p.pi.number,
      funderName: p.kind, startDate: p.start, endDate: p.end,
      ...(p.coInvestigators.length ? { coInvestigators: p.coInvestigators.map((c) => c.name) } : {}),
    })),
    budgetLines: list.flatMap((p) => p.years.map((y) => ({ project: p.code, fiscalYear: y.fy, directYen: y.direct * 1000, indirectYen: y.indirect * 1000 }))),
  };
}

const fullText = () => csvText([FULL_HEADERS, ...FULL.map(fullRow)], { quoteAll: true, eol: '\n' });

export const kakenUtf8: CorpusLayout = {
  id: 'kaken-csv-utf8-bom',
  fileName: 'kaken-search-export.csv',
  description: 'KAKEN search export as downloaded: UTF-8 with BOM, 19 columns, packed 研究代表者/研究分担者, 配分額*注記 per year in 千円, en-dash ranges, (予定), an 8-digit old number and a researcher number starting with 0.',
  build: () => utf8Bytes(fullText(), true),
  expected: expectedOf(FULL),
};

export const kakenCp932: CorpusLayout = {
  id: 'kaken-csv-cp932-excel',
  fileName: 'kaken-search-export_excel.csv',
  description: 'The same export opened in Excel and saved as CSV: CP932 without BOM (first header in kanji), the en dash replaced by ?, quotes only where needed, CRLF.',
  build: () => cp932Bytes(excelCp932Text(csvText([FULL_HEADERS, ...FULL.map(fullRow)], { quoteAll: false, eol: '\r\n' }))),
  expected: expectedOf(FULL),
};

const ISSUE_HEADERS = ['研究課題名', '研究課題/領域番号', '研究期間 (年度)', '研究種目', '研究機関', '研究代表者', '総配分額', '配分額*注記'];

export const kakenIssue: CorpusLayout = {
  id: 'issue-kaken-export-csv',
  fileName: 'kaken.csv',
  description: 'Issue 13, file 3: a KAKEN export of a few columns saved as CSV (UTF-8, no BOM); the ID header is 研究課題/領域番号 and periods end "2029-03-31 (予定)".',
  build: () =>
    utf8Bytes(
      csvText(
        [ISSUE_HEADERS, ...ISSUE.map((p) => [p.title, p.code, period(p), p.kind, p.institutions, packed(p.pi), String(p.years.reduce((s, y) => s + y.direct + y.indirect, 0) * 1000), allocationNote(p.years)])],
        { quoteAll: true, eol: '\n' },
      ),
      false,
    ),
  expected: expectedOf(ISSUE),
};

/** The CSV text of the UTF-8 export, for the corpus's own checks of the CP932 file. */
export const kakenFullText = fullText;

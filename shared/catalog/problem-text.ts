// Turns catalog validation problems (paths like programs.3.budgetYen.request and schema messages) into sentences an
// office can act on, in Japanese or English, naming the program and, for Excel imports, the sheet row.
import type { CatalogProblem } from './schema';
import type { Bilingual, Language } from '../domain/message';

type Lang = Language;

const FIELD_NAMES: Record<string, Bilingual> = {
  id: { ja: 'ID', en: 'ID' },
  parentId: { ja: '親事業ID', en: 'parent program ID' },
  nameJa: { ja: '名称', en: 'Japanese name' },
  nameEn: { ja: '英語名', en: 'English name' },
  abbreviation: { ja: '略称', en: 'abbreviation' },
  managedBy: { ja: '所管・配分機関', en: 'managing body' },
  division: { ja: '担当', en: 'division' },
  budgetYen: { ja: '予算', en: 'budget' },
  request: { ja: '予算額', en: 'budget request' },
  previous: { ja: '前年度予算額', en: 'previous budget' },
  supplementary: { ja: '補正予算額', en: 'supplementary budget' },
  note: { ja: '注記', en: 'note' },
  period: { ja: '事業期間', en: 'period' },
  startFiscalYear: { ja: '開始年度', en: 'start fiscal year' },
  endFiscalYear: { ja: '終了年度', en: 'end fiscal year' },
  researchPeriodYears: { ja: '研究期間', en: 'research period' },
  tracks: { ja: '類型', en: 'tracks' },
  durationYears: { ja: '類型の期間', en: 'track duration' },
  maxAnnualYen: { ja: '年間上限額', en: 'maximum per year' },
  stageGates: { ja: 'ステージゲート', en: 'stage gates' },
  afterYear: { ja: '実施年次', en: 'after year' },
  summaryJa: { ja: '概要', en: 'Japanese summary' },
  summaryEn: { ja: '英語の概要', en: 'English summary' },
  edition: { ja: '版の情報', en: 'edition header' },
  fiscalYear: { ja: '年度', en: 'fiscal year' },
  titleJa: { ja: '表題', en: 'Japanese title' },
  titleEn: { ja: '英語の表題', en: 'English title' },
  source: { ja: '出典', en: 'source' },
  totals: { ja: '合計額', en: 'totals' },
  programs: { ja: '事業一覧', en: 'program list' },
  kind: { ja: '種別', en: 'kind' },
  extra: { ja: 'その他の項目', en: 'extra fields' },
};

const MESSAGES: [RegExp, (m: RegExpExecArray) => Bilingual][] = [
  [/expected number, received (\w+)/i, () => ({ ja: '数値を入れてください', en: 'must be a number' })],
  [/expected string, received (null|undefined)/i, () => ({ ja: '入力が必要です', en: 'is required' })],
  [/expected string/i, () => ({ ja: '文字で入れてください', en: 'must be text' })],
  [/expected array/i, () => ({ ja: '一覧の形式になっていません', en: 'must be a list' })],
  [/expected object/i, () => ({ ja: '項目の形式になっていません', en: 'has the wrong shape' })],
  [/expected int/i, () => ({ ja: '整数を入れてください', en: 'must be a whole number' })],
  [/too small.*>=?\s*(\d+)/i, (m) => ({ ja: `${m[1]}以上にしてください（空欄は不可）`, en: `must be at least ${m[1]} (cannot be empty)` })],
  [/too big.*<=?\s*(\d+)/i, (m) => ({ ja: `${m[1]}以下にしてください`, en: `must be at most ${m[1]}` })],
  [/kebab-case/i, () => ({ ja: '半角の英小文字・数字・ハイフンで書いてください（例: office-kakenhi）', en: 'must use lower-case letters, digits and hyphens (e.g. office-kakenhi)' })],
  [/duplicate program id (.+)/i, (m) => ({ ja: `事業ID「${m[1]}」が重複しています`, en: `program ID "${m[1]}" appears twice` })],
  [/duplicate track id (.+)/i, (m) => ({ ja: `類型ID「${m[1]}」が重複しています`, en: `track ID "${m[1]}" appears twice` })],
  [/unknown parent (.+)/i, (m) => ({ ja: `親事業「${m[1]}」が見つかりません`, en: `parent program "${m[1]}" does not exist` })],
  [/cycle/i, () => ({ ja: '親子関係が循環しています', en: 'the parent chain loops back on itself' })],
  [/start fiscal year after end/i, () => ({ ja: '開始年度が終了年度より後になっています', en: 'the start year is after the end year' })],
  [/missing sheet (.+)/i, (m) => ({ ja: `シート「${m[1]}」がありません（このアプリで書き出したカタログのExcelを使ってください）`, en: `the sheet "${m[1]}" is missing (use a catalog workbook exported by this app)` })],
  [/missing column (.+)/i, (m) => ({ ja: `列「${m[1]}」がありません`, en: `the column "${m[1]}" is missing` })],
  [/not a number: (.*)/i, (m) => ({ ja: `「${m[1]}」は数値ではありません`, en: `"${m[1]}" is not a number` })],
  [/not valid JSON/i, () => ({ ja: 'JSONとして読めません', en: 'is not valid JSON' })],
  [/kind must be/i, () => ({ ja: '種別は program か track にしてください', en: 'kind must be program or track' })],
  [/track of unknown program (\S+)/i, (m) => ({ ja: `類型の行の事業ID「${m[1]}」が、それより上の事業の行にありません`, en: `track row refers to program "${m[1]}", which has no row above it` })],
  [/not json|unexpected token|json/i, () => ({ ja: 'JSONファイルとして読めません', en: 'the file is not valid JSON' })],
  [/invalid input/i, () => ({ ja: '値の形式が正しくありません', en: 'has an invalid value' })],
];

export interface ProblemContext {
  /** Program entries of the checked input, to name the program instead of its index. */
  programs?: readonly { id?: unknown; nameJa?: unknown }[];
  /** Sheet row (1-based) per program index, for Excel imports. */
  programRows?: readonly number[];
}

/** One problem as a plain sentence: where (program name / row / field) and what to fix. */
export function describeCatalogProblem(problem: CatalogProblem, lang: Lang, context: ProblemContext = {}): string {
  const parts = problem.path.split('.');
  const where: string[] = [];
  let field: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part === 'programs' && next !== undefined && /^\d+$/.test(next)) {
      const index = Number(next);
      const p = context.programs?.[index];
      const name = typeof p?.nameJa === 'string' && p.nameJa ? p.nameJa : typeof p?.id === 'string' && p.id ? p.id : null;
      const row = context.programRows?.[index];
      const label = lang === 'ja' ? `${index + 1}番目の事業` : `program #${index + 1}`;
      where.push([name ? `${label}「${name}」` : label, row ? (lang === 'ja' ? `（${row}行目）` : ` (row ${row})`) : ''].join(''));
      i++;
    } else if (part === 'tracks' && next !== undefined && /^\d+$/.test(next)) {
      where.push(lang === 'ja' ? `類型${Number(next) + 1}` : `track ${Number(next) + 1}`);
      i++;
    } else if (part === 'stageGates' && next !== undefined && /^\d+$/.test(next)) {
      where.push(lang === 'ja' ? `ステージゲート${Number(next) + 1}` : `stage gate ${Number(next) + 1}`);
      i++;
    } else if (/^\w+!/.test(part)) {
      const [sheet, rest] = part.split('!') as [string, string];
      where.push(lang === 'ja' ? `シート「${sheet}」${rest ? ` ${rest}行目` : ''}` : `sheet "${sheet}"${rest ? ` row ${rest}` : ''}`);
    } else if (FIELD_NAMES[part]) field = part;
  }
  const fieldText = field ? FIELD_NAMES[field]![lang] : null;
  let message: string = problem.message;
  for (const [pattern, render] of MESSAGES) {
    const m = pattern.exec(problem.message);
    if (m) {
      message = render(m)[lang];
      break;
    }
  }
  const place = [...where, ...(fieldText ? [lang === 'ja' ? `「${fieldText}」` : fieldText] : [])].join(lang === 'ja' ? ' ' : ', ');
  if (!place) return message;
  return lang === 'ja' ? `${place}：${message}` : `${place}: ${message}`;
}

// Header text → what it names, from words alone (the value detectors confirm or correct it in column-infer.ts).
// A header is normalised, its unit bracket stripped (（千円）) and its qualifier kept as a segment of its own
// (研究開発期間（開始） → 研究開発期間 / 開始), then looked up in an exact synonym dictionary grown from the public formats
// (KAKEN, AMED, JST, university ledgers). No edit distance: 直接/間接, 代表者/分担者, 氏名/職名, 開始/終了 differ by one or
// two characters and must never be taken for each other.
import type { AmountUnit } from './cell-values';
import { normalizeText, unitInText } from './cell-values';
import type { ImportField } from './column-map';
import { parseFiscalYearLabel } from '../calendar/wareki';

/** Folded form compared against the dictionary: NFKC, lower case, no spaces or ・:： (keeps / and brackets' content). */
export function foldWord(text: string): string {
  return normalizeText(text).toLowerCase().replace(/[\s_・:：.．]/g, '');
}

const UNIT_BRACKET = /^(?:単位[:：]?)?(?:円|千円|万円|百万円|億円|千|jpy|yen|k|m|kjpy|mjpy|税込|税抜|%)$/i;
const BRACKET = /[(（[［【]([^)）\]］】]*)[)）\]］】]/g;

export interface HeaderParts {
  /** Segments, most general first: a header band's rows and each qualifier bracket (研究開発期間, 開始). */
  segments: string[];
  /** Unit named by a bracket or by the words (契約金額（円）, 直接経費(千円)), or null. */
  unit: AmountUnit | null;
}

/** Splits a (band-joined) header into segments; unit brackets are dropped, qualifier brackets become segments. */
export function headerParts(text: string): HeaderParts {
  let unit: AmountUnit | null = null;
  const segments: string[] = [];
  for (const piece of normalizeText(text).split(/\s*\/\s*/)) {
    const qualifiers: string[] = [];
    const bare = piece.replace(BRACKET, (_, inner: string) => {
      const word = inner.trim();
      if (UNIT_BRACKET.test(word.replace(/\s/g, ''))) unit = unitInText(word) ?? unit;
      else if (word) qualifiers.push(word);
      return ' ';
    });
    if (bare.trim()) segments.push(bare.trim());
    segments.push(...qualifiers);
  }
  return { segments, unit };
}

/** The dictionary. Keys are folded with `foldWord`; only exact matches count. */
const SYNONYMS: ReadonlyArray<readonly [ImportField, readonly string[]]> = [
  ['code', ['管理番号', '整理番号', '受入番号', '受付番号', '課題番号', '研究課題番号', '研究課題/領域番号', '研究課題領域番号', '課題管理番号', '学内管理番号', '管理no', '管理id', '課題id', 'プロジェクトid', 'projectid', 'id', '契約番号', '受託番号', '体系的番号', 'grantnumber', 'grantno', '課題no']],
  ['title', ['課題名', '研究課題名', '研究開発課題名', '課題名称', '研究課題名称', '研究題目', '研究課題', '研究開発課題', 'テーマ名', '研究テーマ', 'プロジェクト名', '受託研究題目', '共同研究題目', '研究名', 'title', 'projecttitle', '件名', '契約件名']],
  ['pi', ['研究代表者', '研究開発代表者', '代表者', '研究代表者名', '研究開発代表者名', '代表者名', '研究者名', '研究責任者', '責任者', '受入教員', '担当教員', '受入研究者', '氏名', 'pi', 'principalinvestigator', 'piname']],
  ['piPosition', ['職名', '役職', '役職名', '職位', '職', 'position', 'piposition', '研究代表者職名', '代表者職名', '研究代表者役職']],
  ['piResearcherNumber', ['研究者番号', 'e-rad研究者番号', 'erad研究者番号', '研究者id', 'researchernumber', 'piresearcherno', 'piresearchernumber']],
  ['coInvestigators', ['研究分担者', '分担者', '研究分担者名', '共同研究者', 'coinvestigators', 'co-investigators']],
  ['department', ['所属', '部局', '所属部局', '部局名', '所属名', '所属研究科', '研究科', '所属学部', '学部', '所属部署', '部署', '研究代表者所属', '代表者所属', '所属講座', 'department', 'dept']],
  ['affiliationPosition', ['所属機関・役職', '所属・役職', '所属・職名', '所属機関/役職', '所属/役職', '所属機関・職名', '所属・職']],
  ['program', ['事業名', 'プログラム名', 'プログラム', '事業', '制度名', '資金制度', '研究費制度', '研究種目', '種目', '研究制度', '公募名', '事業区分', 'program', 'programme']],
  ['funder', ['相手先', '相手方', '委託者', '委託元', '契約相手方', '契約相手先', '配分機関', '資金配分機関', '委託機関', '相手先機関', '相手先名', '依頼者', 'funder', 'funding agency', 'ファンド']],
  ['programId', ['programid', '事業id', 'プログラムid']],
  ['track', ['track', 'trackid', 'タイプ', '類型', '研究開発タイプ']],
  ['period', ['研究開発期間', '研究期間', '期間', '事業期間', '実施期間', '契約期間', '委託期間', '研究実施期間', 'period']],
  ['start', ['開始日', '開始', '研究開始日', '開始年月日', '契約開始日', '着手日', 'start', 'startdate', 'from']],
  ['end', ['終了日', '終了', '研究終了日', '終了年月日', '契約終了日', '完了日', 'end', 'enddate', 'to']],
  ['status', ['状態', 'ステータス', 'status', '状況', '進捗', '進捗状況']],
  ['amedNumber', ['amed課題番号', 'amed課題管理番号', 'amedno', 'amed番号', 'amednumber', 'amed']],
  ['eradNumber', ['e-rad課題番号', 'e-rad課題id', 'erad課題番号', 'e-radno', 'eradno', 'e-rad番号', 'erad番号', 'e-rad', 'erad', 'eradnumber', 'e-radnumber']],
  ['notes', ['備考', 'notes', 'note', 'メモ', 'コメント', '摘要']],
  ['direct', ['直接経費', '直接経費額', '直接費', 'direct', 'directjpy', 'directcost']],
  ['indirect', ['間接経費', '間接経費額', '間接費', '一般管理費', '管理費', '管理手数料', 'indirect', 'indirectjpy', 'indirectcost', 'overhead']],
  ['total', ['計', '合計', '合計額', '総額', '総計', '小計', '金額計', '契約額合計', 'total', '総配分額']],
  ['fiscalYear', ['年度', '会計年度', 'fiscalyear', 'fy']],
  ['interim', ['中間評価', '中間評価日', '中間評価予定日', 'interimevaluation', 'interim']],
  ['final', ['事後評価', '事後評価日', '事後評価予定日', 'finalevaluation', 'final']],
  ['stageGate', ['ステージゲート', 'ステージゲート評価', 'ステージゲート評価日', 'sg', 'sg評価', 'stagegate', 'stagegateevaluation']],
  ['budgetText', ['配分額*注記', '配分額注記', '配分額']],
  ['effort', ['エフォート', 'エフォート率', '研究代表者エフォート', '代表者エフォート', 'エフォート/代表者', 'エフォート/研究代表者', 'effort', 'pieffort']],
  ['coInvestigatorEffort', ['研究分担者エフォート', '分担者エフォート', 'エフォート/分担者', 'エフォート/研究分担者', '研究分担者/エフォート', '分担者/エフォート', 'coinvestigatoreffort']],
  // Known, and deliberately not imported (reported as unmapped): row numbers, KAKEN's all-years direct total.
  ['ignore', ['no', '番号', '通番', '連番', '項番', '#', 'no.', '総配分額 (直接経費)', '総配分額/直接経費']],
];

const INDEX: ReadonlyMap<string, ImportField> = new Map(SYNONYMS.flatMap(([field, names]) => names.map((n) => [foldWord(n), field] as const)));

/** The field a whole folded word names, or undefined. */
export function synonymOf(word: string): ImportField | undefined {
  return INDEX.get(foldWord(word));
}

/** Qualifier words that refine a group header (研究開発期間 / 開始, 研究代表者 / 職名). */
type Qualifier = 'start' | 'end' | 'name' | 'position' | 'affiliation' | 'number';
const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map([
  ...['開始', '開始日', '自', 'から', 'start', 'from', '開始年月日'].map((w) => [w, 'start'] as const),
  ...['終了', '終了日', '至', 'まで', 'end', 'to', '終了年月日'].map((w) => [w, 'end'] as const),
  ...['氏名', '名前', '名', 'name', '氏名漢字'].map((w) => [w, 'name'] as const),
  ...['職名', '役職', '役職名', '職位', '職', 'position'].map((w) => [w, 'position'] as const),
  ...['所属', '所属部局', '部局', '所属名'].map((w) => [w, 'affiliation'] as const),
  ...['研究者番号', 'e-rad研究者番号'].map((w) => [w, 'number'] as const),
]);

/** Suffixes that carry a qualifier inside one word: 研究代表者職名, 研究期間開始日, 代表者所属. Longest first. */
const SUFFIXES: ReadonlyArray<readonly [string, Qualifier]> = [...QUALIFIERS.entries()]
  .filter(([w]) => w.length >= 2 && !/^[a-z]+$/.test(w))
  .sort((a, b) => b[0].length - a[0].length);

const PERSON_FIELDS: ReadonlySet<ImportField> = new Set(['pi', 'piPosition', 'department', 'piResearcherNumber']);
const PERIOD_FIELDS: ReadonlySet<ImportField> = new Set(['period', 'start', 'end']);

export interface HeaderGuess {
  field: ImportField;
  /** Budget columns (direct, indirect, total): the fiscal year named in the header, or null. */
  fiscalYear: number | null;
  unit: AmountUnit | null;
  /** 100 exact dictionary word, 90 a group header refined by a qualifier. */
  score: number;
}

const YEAR_WORD = /(令和|平成|[RH])\s*(元|\d{1,2})\s*(?:年度|年)?|(?:FY\s*)?((?:19|20)\d{2})\s*(?:年度|年)?/i;

/** A fiscal year named in a segment and what is left of it: 「令和7年度 契約額」 → 2025, 「契約額」. */
export function yearInSegment(segment: string): { fiscalYear: number; rest: string } | null {
  const s = normalizeText(segment);
  const m = YEAR_WORD.exec(s);
  if (!m) return null;
  // A bare western number is a year only with 年度/年/FY around it (a column named 2025 is, 研究者番号 20112013 is not).
  if (m[3] && !/年|fy/i.test(m[0])) return null;
  const fy = m[1] ? parseFiscalYearLabel(`${m[1]}${m[2]}年度`) : Number(m[3]);
  if (fy === null || !Number.isFinite(fy)) return null;
  return { fiscalYear: fy, rest: (s.slice(0, m.index) + s.slice(m.index + m[0].length)).trim() };
}

function qualifierOf(word: string): { qualifier: Qualifier; base: string } | null {
  const key = foldWord(word);
  const whole = QUALIFIERS.get(key);
  if (whole) return { qualifier: whole, base: '' };
  for (const [suffix, qualifier] of SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) return { qualifier, base: key.slice(0, -suffix.length) };
  }
  return null;
}

function refine(base: ImportField | undefined, q: Qualifier): ImportField | null {
  if (q === 'start' || q === 'end') return base === undefined || PERIOD_FIELDS.has(base) || base === 'fiscalYear' ? q : null;
  if (base !== undefined && !PERSON_FIELDS.has(base)) return null;
  if (q === 'name') return 'pi';
  if (q === 'position') return 'piPosition';
  if (q === 'affiliation') return 'department';
  return 'piResearcherNumber';
}

const BUDGET: ReadonlySet<ImportField> = new Set(['direct', 'indirect', 'total']);

/**
 * What a header names, from its words: the exact dictionary on the whole header, then on its segments (a fiscal year
 * taken out first), most specific segment last, with qualifiers refining a group word. Null when nothing matches.
 */
export function guessFromHeader(text: string): HeaderGuess | null {
  const { segments, unit } = headerParts(text);
  if (!segments.length) return null;
  const whole = synonymOf(segments.join('/')) ?? synonymOf(segments.join(''));
  let fiscalYear: number | null = null;
  const words: string[] = [];
  for (const seg of segments) {
    const y = yearInSegment(seg);
    if (y) {
      fiscalYear ??= y.fiscalYear;
      if (y.rest) words.push(y.rest);
    } else words.push(seg);
  }
  const ownUnit = unit ?? (words.some((w) => /円/.test(w)) ? unitInText(words.join(' ')) : null);
  const budget = (field: ImportField, score: number): HeaderGuess => ({ field, fiscalYear: BUDGET.has(field) ? fiscalYear : null, unit: BUDGET.has(field) ? ownUnit : null, score });
  if (whole && !fiscalYear) return budget(whole, 100);
  if (!words.length) return null; // a bare 令和7年度 above a group names no field by itself
  const fields = words.map((w) => synonymOf(w));
  // A budget word anywhere below a year or a money group (契約金額 / 直接経費) decides the column.
  for (let i = words.length - 1; i >= 0; i--) {
    const f = fields[i];
    if (f && BUDGET.has(f)) return budget(f, fiscalYear !== null || i > 0 ? 90 : 100);
  }
  const last = words.length - 1;
  const lastField = fields[last];
  // A qualifier refines what the words before it (or the rest of its own word) name.
  const q = qualifierOf(words[last]!);
  if (q && (last > 0 || q.base)) {
    const base = q.base ? synonymOf(q.base) ?? (last > 0 ? fields[last - 1] : undefined) : fields[last - 1];
    const refined = base !== undefined || q.qualifier === 'start' || q.qualifier === 'end' ? refine(base, q.qualifier) : null;
    if (refined && (base !== undefined || !q.base || q.qualifier === 'start' || q.qualifier === 'end')) return budget(refined, 90);
  }
  // 研究期間 (年度): a period written in fiscal years is still the period.
  if (lastField === 'fiscalYear' && last > 0 && fields[last - 1] === 'period') return budget('period', 90);
  if (lastField && lastField !== 'ignore') return budget(lastField, last === 0 ? 100 : 90);
  if (lastField === 'ignore' && last === 0) return budget('ignore', 100);
  for (let i = last - 1; i >= 0; i--) if (fields[i] && fields[i] !== 'ignore') return budget(fields[i]!, 80);
  return null;
}

/**
 * Fields a header names when it joins two words (代表者・分担者, 開始／終了): each word's field, or [] when the header is
 * one word or its words name at most one field. Such a header is a tie: the mapping UI offers each, nothing is mapped.
 */
export function fieldsOfJoinedHeader(text: string): ImportField[] {
  const words = normalizeText(text).split(/[・／/、]|及び|および/).map((w) => w.trim()).filter(Boolean);
  if (words.length < 2) return [];
  const found = [...new Set(words.map((w) => guessFromHeader(w)?.field).filter((f): f is ImportField => f !== undefined && f !== 'ignore'))];
  return found.length >= 2 ? found : [];
}

// Header names → fields. Offices name the same column many ways (課題名 / 研究開発課題名 / Title), put the fiscal year
// into budget headers (「R7直接経費」, 「令和7年度 直接経費」) and the unit into brackets (（千円）). Header text is only ever
// compared as a string value (Maps and arrays), never used as an object key.
import { normalizeText, unitInText } from './cell-values';
import type { AmountUnit } from './cell-values';
import { parseFiscalYearLabel } from '../calendar/wareki';

export const IMPORT_FIELDS = [
  'code', 'title', 'pi', 'department', 'program', 'programId', 'track', 'period', 'start', 'end', 'status',
  'amedNumber', 'eradNumber', 'notes', 'direct', 'indirect', 'fiscalYear', 'interim', 'final', 'stageGate', 'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a column can hold at most once (budget columns repeat, once per fiscal year). */
export const SINGLE_FIELDS: ReadonlySet<ImportField> = new Set(IMPORT_FIELDS.filter((f) => f !== 'direct' && f !== 'indirect' && f !== 'ignore' && f !== 'stageGate'));

export interface ColumnTarget {
  field: ImportField;
  /** Budget columns: the western fiscal year (from the header, or the sheet's default); null when unknown. */
  fiscalYear?: number | null;
  /** Budget columns: yen per written unit (1, 1000, 1e6); null = the sheet's unit note, else 円. */
  unit?: AmountUnit | null;
}

export type ColumnMapping = ColumnTarget[];

/** Labels of each field, for the mapping UI and messages. */
export const FIELD_LABELS: Readonly<Record<ImportField, { ja: string; en: string }>> = {
  code: { ja: '管理番号', en: 'Project ID' },
  title: { ja: '課題名', en: 'Title' },
  pi: { ja: '研究代表者', en: 'PI' },
  department: { ja: '所属', en: 'Department' },
  program: { ja: '事業名', en: 'Program' },
  programId: { ja: '事業ID', en: 'Program ID' },
  track: { ja: 'タイプ', en: 'Track' },
  period: { ja: '研究開発期間（開始〜終了）', en: 'Period (start–end)' },
  start: { ja: '開始日', en: 'Start' },
  end: { ja: '終了日', en: 'End' },
  status: { ja: '状態', en: 'Status' },
  amedNumber: { ja: 'AMED課題番号', en: 'AMED No.' },
  eradNumber: { ja: 'e-Rad課題番号', en: 'e-Rad No.' },
  notes: { ja: '備考', en: 'Notes' },
  direct: { ja: '直接経費', en: 'Direct cost' },
  indirect: { ja: '間接経費', en: 'Indirect cost' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  interim: { ja: '中間評価', en: 'Interim evaluation' },
  final: { ja: '事後評価', en: 'Final evaluation' },
  stageGate: { ja: 'ステージゲート', en: 'Stage gate' },
  ignore: { ja: '（取り込まない）', en: '(not imported)' },
};

/** Synonyms, compared after `headerKey` folding (NFKC, lower case, no spaces, brackets and punctuation removed). */
const SYNONYMS: ReadonlyArray<readonly [ImportField, readonly string[]]> = [
  ['code', ['管理番号', '整理番号', '管理no', '管理id', '課題id', 'プロジェクトid', 'projectid', 'id', '学内管理番号', '受付番号']],
  ['title', ['課題名', '研究開発課題名', '研究課題名', '課題名称', 'プロジェクト名', 'title', 'projecttitle', '研究題目', 'テーマ名']],
  ['pi', ['研究代表者', '代表者', '研究代表者名', '代表者名', '研究者名', '研究開発代表者', 'pi', 'principalinvestigator', '責任者']],
  ['department', ['所属', '部局', '所属部局', '部局名', '所属名', '研究代表者所属', '代表者所属', 'department', 'dept', '所属研究科', '研究科']],
  ['program', ['事業名', 'プログラム名', 'program', 'programme', '事業', '制度名', '資金制度', '研究費制度', 'ファンド', 'funder', '配分機関事業名']],
  ['programId', ['programid', '事業id', 'プログラムid']],
  ['track', ['track', 'タイプ', '類型', 'trackid', '研究開発タイプ', '公募区分']],
  ['period', ['研究開発期間', '研究期間', '期間', '事業期間', 'period', '実施期間', '契約期間']],
  ['start', ['開始日', '開始', '研究開始日', '開始年月日', 'start', 'startdate', '研究開発期間開始', '研究期間開始', '期間開始', '研究開発期間開始日', '研究期間開始日']],
  ['end', ['終了日', '終了', '研究終了日', '終了年月日', 'end', 'enddate', '研究開発期間終了', '研究期間終了', '期間終了', '研究開発期間終了日', '研究期間終了日']],
  ['status', ['状態', 'ステータス', 'status', '状況', '進捗']],
  ['amedNumber', ['amed課題番号', 'amedno', 'amed番号', 'amednumber', 'amed課題管理番号', 'amed']],
  ['eradNumber', ['e-rad課題番号', 'eradno', 'e-radno', 'erad課題番号', 'e-rad番号', 'erad番号', 'e-rad', 'erad', 'eradnumber', 'e-radnumber']],
  ['notes', ['備考', 'notes', 'note', 'メモ', 'コメント', '摘要']],
  ['direct', ['直接経費', 'direct', 'directjpy', '直接経費額', 'directcost', '直接費']],
  ['indirect', ['間接経費', 'indirect', 'indirectjpy', '間接経費額', 'indirectcost', '間接費']],
  ['fiscalYear', ['年度', 'fiscalyear', 'fy', '会計年度']],
  ['interim', ['中間評価', '中間評価日', '中間評価予定日', 'interimevaluation', 'interim']],
  ['final', ['事後評価', '事後評価日', '事後評価予定日', 'finalevaluation', 'final']],
  ['stageGate', ['ステージゲート', 'ステージゲート評価', 'ステージゲート評価日', 'sg', 'sg評価', 'stagegate', 'stagegateevaluation']],
  ['ignore', ['no', 'no.', '番号', '通番', '合計', '計', 'total', '総額', '研究費総額', '小計', '#']],
];

/** Folded header → field. Built once; lookups are Map-based so no header text is ever an object key. */
const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = new Map(SYNONYMS.flatMap(([field, names]) => names.map((n) => [foldKey(n), field] as const)));

/** Synonyms by length (longest first), for "contains" matches such as 研究代表者氏名 or 令和7年度直接経費（千円）. */
const CONTAINS_ORDER: ReadonlyArray<readonly [string, ImportField]> = [...SYNONYM_INDEX.entries()]
  .filter(([k]) => k.length >= 2 && !/^[a-z.#]{1,3}$/.test(k))
  .sort((a, b) => b[0].length - a[0].length);

function foldKey(text: string): string {
  return normalizeText(text).toLowerCase().replace(/[\s_・:：/.]/g, '');
}

/** The folded form of a header used for matching and signatures: bracketed notes such as （千円） removed. */
export function headerKey(text: string): string {
  return foldKey(text.normalize('NFKC').replace(/[(（[【][^)）\]】]*[)）\]】]/g, ''));
}

const YEAR_IN_HEADER = /(令和|平成|[RrHh])\s*(元|\d{1,2})\s*(?:年度|年)?|(?:FY\s*)?(20\d{2}|19\d{2})\s*(?:年度|年)?/i;

/** Fiscal year named in a budget header: 「R7直接経費」, 「令和7年度 直接経費」, 「2025年度 間接経費」, "FY2025 Direct". */
export function fiscalYearInHeader(text: string): { fiscalYear: number; rest: string } | null {
  const s = text.normalize('NFKC');
  const m = YEAR_IN_HEADER.exec(s);
  if (!m) return null;
  const fy = m[1] ? parseFiscalYearLabel(`${m[1]}${m[2]}年度`) : Number(m[3]);
  if (fy === null || !Number.isFinite(fy)) return null;
  return { fiscalYear: fy, rest: s.slice(0, m.index) + s.slice(m.index + m[0].length) };
}

/** The field a header names, or null. Exact synonyms first, then the longest synonym the header contains. */
export function fieldForHeader(text: string): ColumnTarget | null {
  const key = headerKey(text);
  if (!key) return null;
  const year = fiscalYearInHeader(text);
  const unit = unitInText(text);
  const direct = SYNONYM_INDEX.get(key);
  if (direct && direct !== 'direct' && direct !== 'indirect') return { field: direct };
  // Budget columns carry a year and perhaps a unit: match what is left after removing them.
  const restKey = year ? headerKey(year.rest) : key;
  // A bare year (「令和7年度」 above a group of columns) names no field by itself.
  if (year && !restKey) return null;
  const budget = SYNONYM_INDEX.get(restKey) ?? containsMatch(restKey);
  if (budget === 'direct' || budget === 'indirect') return { field: budget, fiscalYear: year?.fiscalYear ?? null, unit: unit !== null && /円|jpy|yen|千|百万/i.test(text) ? unit : null };
  if (direct) return { field: direct };
  if (year && budget === 'fiscalYear') return { field: 'fiscalYear' };
  const contained = containsMatch(key);
  if (contained === 'direct' || contained === 'indirect') return { field: contained, fiscalYear: year?.fiscalYear ?? null, unit: null };
  return contained ? { field: contained } : null;
}

function containsMatch(key: string): ImportField | null {
  for (const [syn, field] of CONTAINS_ORDER) if (key.includes(syn)) return field;
  return null;
}

/**
 * Proposes a mapping for a header row: each column's field, or 'ignore'. A single-valued field claimed twice keeps
 * the first column (the later ones are set to 'ignore' so the user sees them). `defaultFiscalYear` fills budget
 * columns whose header names no year (a 「令和7年度 課題一覧」 title above the table).
 */
export function proposeMapping(headers: readonly string[], defaultFiscalYear: number | null): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((h): ColumnTarget => {
    const target = fieldForHeader(h);
    if (!target) return { field: 'ignore' };
    if (SINGLE_FIELDS.has(target.field)) {
      if (taken.has(target.field)) return { field: 'ignore' };
      taken.add(target.field);
    }
    if ((target.field === 'direct' || target.field === 'indirect') && (target.fiscalYear === null || target.fiscalYear === undefined)) {
      return { ...target, fiscalYear: defaultFiscalYear };
    }
    return target;
  });
}

/** How well a header row names known fields: distinct fields found (title and ID count double). */
export function headerScore(headers: readonly string[]): number {
  const fields = new Set<ImportField>();
  let budget = 0;
  for (const h of headers) {
    const t = fieldForHeader(h);
    if (!t || t.field === 'ignore') continue;
    if (t.field === 'direct' || t.field === 'indirect') budget = 1;
    else fields.add(t.field);
  }
  let score = fields.size + budget;
  if (fields.has('title')) score += 1;
  if (fields.has('code')) score += 1;
  return score;
}

/** Stable signature of a header layout (folded header texts in order), for remembering a mapping. */
export function headerSignature(headers: readonly string[]): string {
  const text = headers.map((h) => headerKey(h)).join('\u0001');
  // FNV-1a, 2 × 32 bits: short keys for the importMappings table; the column count guards against chance collisions.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return `v1-${headers.length}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** Mapping to the stored form: column index (as text) → "field[:fiscalYear[:unit]]". Keys are indexes, never header text. */
export function serializeMapping(mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  mapping.forEach((t, i) => {
    out[String(i)] = t.field === 'direct' || t.field === 'indirect' ? `${t.field}:${t.fiscalYear ?? ''}:${t.unit ?? ''}` : t.field;
  });
  return out;
}

/** Stored form back to a mapping for `columnCount` columns; unknown or malformed entries become 'ignore'. */
export function deserializeMapping(stored: Readonly<Record<string, string>>, columnCount: number): ColumnMapping {
  const fields = new Set<string>(IMPORT_FIELDS);
  const mapping: ColumnMapping = [];
  for (let i = 0; i < columnCount; i++) {
    const raw = Object.prototype.hasOwnProperty.call(stored, String(i)) ? stored[String(i)] : undefined;
    const [field, fy, unit] = typeof raw === 'string' ? raw.split(':') : [];
    if (!field || !fields.has(field)) {
      mapping.push({ field: 'ignore' });
      continue;
    }
    const f = field as ImportField;
    if (f === 'direct' || f === 'indirect') {
      const fiscalYear = fy && /^\d{4}$/.test(fy) ? Number(fy) : null;
      const u = Number(unit);
      mapping.push({ field: f, fiscalYear, unit: u === 1 || u === 1_000 || u === 1_000_000 || u === 100_000_000 ? (u as AmountUnit) : null });
    } else {
      mapping.push({ field: f });
    }
  }
  return mapping;
}

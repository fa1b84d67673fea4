// The column mapping: the fields a column can be imported as, their labels, and a mapping's stored form (keyed by
// column index, never by header text) and signature (the key a remembered mapping is found by). What a header names
// is worked out in header-words.ts and column-infer.ts.
import type { AmountUnit } from './cell-values';
import { foldWord, headerParts } from './header-words';

export const IMPORT_FIELDS = [
  'code', 'title', 'pi', 'piPosition', 'piResearcherNumber', 'coInvestigators', 'department', 'affiliationPosition', 'program', 'funder',
  'programId', 'track', 'period', 'start', 'end', 'status', 'amedNumber', 'eradNumber', 'notes', 'direct', 'indirect', 'total',
  'budgetText', 'fiscalYear', 'interim', 'final', 'stageGate', 'effort', 'coInvestigatorEffort', 'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Budget columns: they repeat, once per fiscal year, and carry a year and a unit. */
export const BUDGET_FIELDS: ReadonlySet<ImportField> = new Set(['direct', 'indirect', 'total']);

/** Fields a column can hold at most once. */
export const SINGLE_FIELDS: ReadonlySet<ImportField> = new Set(IMPORT_FIELDS.filter((f) => !BUDGET_FIELDS.has(f) && f !== 'ignore' && f !== 'stageGate'));

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
  piPosition: { ja: '職名', en: 'PI position' },
  piResearcherNumber: { ja: '研究者番号', en: 'PI researcher No.' },
  coInvestigators: { ja: '研究分担者', en: 'Co-investigators' },
  department: { ja: '所属', en: 'Department' },
  affiliationPosition: { ja: '所属・職名（1つのセル）', en: 'Affiliation and position (one cell)' },
  program: { ja: '事業名', en: 'Program' },
  funder: { ja: '配分機関・相手先', en: 'Funder / counterparty' },
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
  total: { ja: '計（照合のみ）', en: 'Total (checked only)' },
  budgetText: { ja: '配分額（年度ごとの記述）', en: 'Budget by year (text)' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  interim: { ja: '中間評価', en: 'Interim evaluation' },
  final: { ja: '事後評価', en: 'Final evaluation' },
  stageGate: { ja: 'ステージゲート', en: 'Stage gate' },
  effort: { ja: 'エフォート（%）', en: 'Effort (%)' },
  coInvestigatorEffort: { ja: '研究分担者エフォート（%）', en: 'Co-investigators\' effort (%)' },
  ignore: { ja: '（取り込まない）', en: '(not imported)' },
};

/** The folded form of a header used for signatures: a unit bracket removed, a qualifier kept (開始 ≠ 終了). */
export function headerKey(text: string): string {
  return foldWord(headerParts(text).segments.join('/'));
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
  return `v2-${headers.length}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** Mapping to the stored form: column index (as text) → "field[:fiscalYear[:unit]]". Keys are indexes, never header text. */
export function serializeMapping(mapping: ColumnMapping): Record<string, string> {
  const out: Record<string, string> = {};
  mapping.forEach((t, i) => {
    out[String(i)] = BUDGET_FIELDS.has(t.field) ? `${t.field}:${t.fiscalYear ?? ''}:${t.unit ?? ''}` : t.field;
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
    if (BUDGET_FIELDS.has(f)) {
      const fiscalYear = fy && /^\d{4}$/.test(fy) ? Number(fy) : null;
      const u = Number(unit);
      mapping.push({ field: f, fiscalYear, unit: u === 1 || u === 1_000 || u === 10_000 || u === 1_000_000 || u === 100_000_000 ? (u as AmountUnit) : null });
    } else {
      mapping.push({ field: f });
    }
  }
  return mapping;
}

// Stage 4 of the import, column inference: each column's field from its header words (header-words.ts) and its
// values (value-detect.ts) together. Values confirm the header, correct it (a "period" column of single dates is a
// start or an end; a column of AMED numbers is the AMED number whatever its header says) or flag it. Where two
// fields are equally likely nothing is mapped and the ranked candidates go to the mapping UI.
import type { Bilingual } from '../domain/message';
import { BUDGET_FIELDS, SINGLE_FIELDS } from './column-map';
import type { ColumnMapping, ColumnTarget, ImportField } from './column-map';
import { fieldsOfJoinedHeader, guessFromHeader } from './header-words';
import type { HeaderGuess } from './header-words';
import { columnLetter } from './import-types';
import type { Cell } from './sheetjs';
import { profileColumn } from './value-detect';
import type { ValueProfile } from './value-detect';

export interface FieldCandidate {
  field: ImportField;
  fiscalYear?: number | null;
  /** 100 exact header word, 90 refined group header, 85 strong value evidence, lower: weaker. */
  score: number;
  source: 'header' | 'values';
}

export interface ColumnInference {
  /** Column letter (A, B …). */
  column: string;
  header: string;
  /** Ranked choices for the mapping UI, best first (the chosen field is the first unless a tie left it unmapped). */
  candidates: FieldCandidate[];
  /** Why the values changed or doubt the header's field (a warning for the review). */
  note: Bilingual | null;
}

export interface Inference {
  mapping: ColumnMapping;
  columns: ColumnInference[];
}

const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['start', 'end', 'interim', 'final', 'stageGate']);

const share = (p: ValueProfile, k: keyof ValueProfile['share']) => (p.sampled ? (p.share[k] ?? 0) : 0);

/** Candidates the values alone suggest, strongest first. */
function valueCandidates(p: ValueProfile): FieldCandidate[] {
  if (p.sampled === 0) return [];
  const out: FieldCandidate[] = [];
  const add = (field: ImportField, score: number) => out.push({ field, score, source: 'values' });
  if (share(p, 'amedNumber') >= 0.8) add('amedNumber', 85);
  if (share(p, 'jstNumber') >= 0.8) add('code', 85);
  if (share(p, 'kakenNumber') >= 0.8 && share(p, 'researcherNumber') < 0.5) add('code', 85);
  if (share(p, 'kakenPerson') >= 0.8) add('pi', 85);
  if (share(p, 'kakenBudget') >= 0.8) add('budgetText', 85);
  if (share(p, 'dateRange') >= 0.8) add('period', 80);
  if (share(p, 'affiliationPosition') >= 0.8) add('affiliationPosition', 80);
  if (share(p, 'position') >= 0.8) add('piPosition', 80);
  if (share(p, 'department') >= 0.8) add('department', 60);
  if (share(p, 'researcherNumber') >= 0.8) add('piResearcherNumber', 40);
  if (share(p, 'date') >= 0.8) add('start', 30);
  return out;
}

const reason = (en: string, ja: string): Bilingual => ({ en, ja });

/** Reconciles the header's guess with the values: keeps, corrects or drops it (with a note). */
function reconcile(guess: HeaderGuess | null, p: ValueProfile, header: string): { candidates: FieldCandidate[]; note: Bilingual | null } {
  const fromValues = valueCandidates(p);
  const joined = guess ? [] : fieldsOfJoinedHeader(header);
  if (joined.length) return { candidates: [...joined.map((field): FieldCandidate => ({ field, score: 70, source: 'header' })), ...fromValues], note: null };
  if (!guess) return { candidates: fromValues.filter((c) => c.score >= 80).concat(fromValues.filter((c) => c.score < 80)), note: null };
  const h: FieldCandidate = { field: guess.field, fiscalYear: guess.fiscalYear, score: guess.score, source: 'header' };
  const rest = fromValues.filter((c) => c.field !== guess.field);
  if (p.sampled === 0) return { candidates: [h, ...rest], note: null };
  const dates = share(p, 'date');
  const ranges = share(p, 'dateRange');
  const amounts = share(p, 'amount');
  if (guess.field === 'period' && dates >= 0.8 && ranges < 0.2) {
    return { candidates: [{ ...h, field: 'start', score: 89 }, { ...h, field: 'end', score: 88 }, h], note: reason(`"${header}" holds single dates, not periods: read as a start or an end date`, `「${header}」は期間ではなく日付の列のため、開始日または終了日として読みます`) };
  }
  if ((guess.field === 'start' || guess.field === 'end' || guess.field === 'fiscalYear') && ranges >= 0.8) {
    return { candidates: [{ ...h, field: 'period', score: 89 }, h], note: reason(`"${header}" holds periods (start–end): read as the period`, `「${header}」は期間（開始〜終了）の列のため、研究期間として読みます`) };
  }
  if (guess.field === 'pi' && share(p, 'position') >= 0.8) {
    return { candidates: [{ ...h, field: 'piPosition', score: 89 }, h], note: reason(`"${header}" holds positions (教授, 准教授 …): read as the PI's position`, `「${header}」は職名の列のため、職名として読みます`) };
  }
  if (DATE_FIELDS.has(guess.field) && amounts >= 0.8 && dates < 0.2) {
    return { candidates: [{ ...h, score: 40 }, ...rest], note: reason(`"${header}" looks like a date column but holds amounts: not imported; choose its field`, `「${header}」は日付の列名ですが金額が入っているため、取り込みません。対応付けを選んでください`) };
  }
  if (BUDGET_FIELDS.has(guess.field) && dates >= 0.8 && amounts < 0.2) {
    return { candidates: [{ ...h, score: 40 }, ...rest], note: reason(`"${header}" looks like an amount column but holds dates: not imported; choose its field`, `「${header}」は金額の列名ですが日付が入っているため、取り込みません。対応付けを選んでください`) };
  }
  if (BUDGET_FIELDS.has(guess.field) && share(p, 'kakenBudget') >= 0.8) return { candidates: [{ field: 'budgetText', score: 95, source: 'values' }, h], note: null };
  // A header that names no field of its own (No., 番号) gives way to values that clearly do.
  if (guess.field === 'ignore' && fromValues[0] && fromValues[0].score >= 80) return { candidates: [...fromValues, h], note: null };
  return { candidates: [h, ...rest], note: null };
}

const UNMAPPED_SCORE = 80;

function targetOf(c: FieldCandidate, unit: ColumnTarget['unit'], defaultFiscalYear: number | null): ColumnTarget {
  if (BUDGET_FIELDS.has(c.field)) return { field: c.field, fiscalYear: c.fiscalYear ?? defaultFiscalYear, unit };
  return { field: c.field };
}

/**
 * A mapping for a header row and the values under it (`values[i]`: column i's cells below the header, data rows only).
 * Each single-valued field goes to its best-scoring column (the first on a tie); budget columns without a year take
 * `defaultFiscalYear` (a 「令和7年度 …一覧」 title above the table).
 */
export function inferColumns(headers: readonly string[], values: readonly (readonly Cell[])[], defaultFiscalYear: number | null): Inference {
  const guesses = headers.map((h) => (h ? guessFromHeader(h) : null));
  const reconciled = headers.map((h, i) => reconcile(guesses[i] ?? null, profileColumn(values[i] ?? []), h));
  const mapping: ColumnMapping = headers.map(() => ({ field: 'ignore' }));
  const notes: (Bilingual | null)[] = reconciled.map((r) => r.note);
  // Columns in order of their best score, so a single field goes to its strongest claim.
  const order = reconciled.map((r, i) => ({ i, best: r.candidates[0]?.score ?? 0 })).sort((a, b) => b.best - a.best || a.i - b.i);
  const taken = new Set<ImportField>();
  for (const { i } of order) {
    const { candidates } = reconciled[i]!;
    const top = candidates[0];
    if (!top || top.score < 50 || top.field === 'ignore') continue;
    const second = candidates.find((c) => c.field !== top.field);
    if (second && second.score === top.score && top.score < UNMAPPED_SCORE + 20) {
      notes[i] ??= reason(`"${headers[i]}" could be ${top.field} or ${second.field}: not mapped; choose one`, `「${headers[i]}」は複数の項目に当てはまるため、対応付けていません。選んでください`);
      continue;
    }
    // A column whose first choice is taken may take its next (a period column of single dates: start, then end).
    const pick = candidates.find((c) => c.score >= 50 && c.field !== 'ignore' && (!SINGLE_FIELDS.has(c.field) || !taken.has(c.field)) && (c === top || c.score >= 85));
    if (!pick) continue;
    if (SINGLE_FIELDS.has(pick.field)) taken.add(pick.field);
    mapping[i] = targetOf(pick, guesses[i]?.unit ?? null, defaultFiscalYear);
  }
  const columns = headers.map((header, i): ColumnInference => ({ column: columnLetter(i), header, candidates: reconciled[i]!.candidates, note: notes[i] ?? null }));
  return { mapping, columns };
}

/** How well a header row names known fields (header words only): distinct fields, title and ID counted double. */
export function headerScore(headers: readonly string[]): number {
  const fields = new Set<ImportField>();
  let budget = 0;
  for (const h of headers) {
    if (!h) continue;
    const g = guessFromHeader(h);
    if (!g || g.field === 'ignore') continue;
    if (BUDGET_FIELDS.has(g.field)) budget = 1;
    else fields.add(g.field);
  }
  let score = fields.size + budget;
  if (fields.has('title')) score += 1;
  if (fields.has('code')) score += 1;
  return score;
}

/** Every column with a header that is not imported (so it can be reported). */
export function unmappedColumns(headers: readonly string[], mapping: ColumnMapping): { column: string; header: string }[] {
  return headers.flatMap((header, i) => (header.trim() && (mapping[i]?.field ?? 'ignore') === 'ignore' ? [{ column: columnLetter(i), header }] : []));
}

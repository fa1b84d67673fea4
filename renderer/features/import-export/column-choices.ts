// The ranked field choices the pipeline offers for a column it would not map on its own (two fields equally likely),
// read from the analysis where present. The analysis's shape for them is the pipeline's; this reads it tolerantly so
// the mapping table shows choices when they come and nothing when they do not.
import { IMPORT_FIELDS } from '../../../shared/excel/column-map';
import type { ColumnTarget, ImportField } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';

export interface ColumnChoice {
  target: ColumnTarget;
  /** The pipeline's confidence, when it gives one (higher is likelier). */
  score: number | null;
}

const FIELDS: ReadonlySet<string> = new Set(IMPORT_FIELDS);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** One offered choice: `{ field, fiscalYear?, unit?, score? }` or `{ target: { field, … }, score? }`. */
function choiceOf(raw: unknown): ColumnChoice | null {
  if (!isRecord(raw)) return null;
  const t = isRecord(raw.target) ? raw.target : raw;
  if (typeof t.field !== 'string' || !FIELDS.has(t.field)) return null;
  const target: ColumnTarget = { field: t.field as ImportField };
  if (typeof t.fiscalYear === 'number' || t.fiscalYear === null) target.fiscalYear = t.fiscalYear;
  if (t.unit === 1 || t.unit === 1000 || t.unit === 1_000_000 || t.unit === null) target.unit = t.unit;
  const score = typeof raw.score === 'number' ? raw.score : typeof raw.confidence === 'number' ? raw.confidence : null;
  return { target, score };
}

/** The raw choices of one column: a list per column, or entries that name their column (number or letter). */
function rawChoices(analysis: Analysis, column: number, letter: string): unknown[] {
  const a = analysis as unknown as Record<string, unknown>;
  for (const key of ['columnCandidates', 'mappingCandidates']) {
    const perColumn = a[key];
    if (Array.isArray(perColumn) && Array.isArray(perColumn[column])) return perColumn[column] as unknown[];
  }
  const lists = [a.candidates, a.columnCandidates, a.mappingCandidates];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const entry: unknown = list.find((e: unknown) => isRecord(e) && (e.column === column || e.column === letter || e.columnIndex === column));
    if (isRecord(entry)) {
      const choices = entry.candidates ?? entry.choices;
      return Array.isArray(choices) ? (choices as unknown[]) : [entry];
    }
  }
  return [];
}

/** The choices offered for a column, best first (by score when given, else as offered); empty when none. */
export function columnChoices(analysis: Analysis, column: number, letter: string): ColumnChoice[] {
  const choices = rawChoices(analysis, column, letter)
    .map(choiceOf)
    .filter((c): c is ColumnChoice => c !== null);
  return choices.length > 1 && choices.every((c) => c.score !== null) ? [...choices].sort((x, y) => y.score! - x.score!) : choices;
}

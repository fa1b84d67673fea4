// The ranked field choices the pipeline offers for a column (`Analysis.columns`, from column inference), turned into
// mapping targets for the wizard's chips. A tie leaves the column unmapped; these are what the user picks from.
import type { ColumnTarget } from '../../../shared/excel/column-map';
import type { Analysis } from '../../../shared/excel/import-pipeline';

export interface ColumnChoice {
  target: ColumnTarget;
  /** The pipeline's confidence (higher is likelier). */
  score: number;
}

/** The choices offered for a column (by letter), best first; empty when the pipeline offers fewer than two. */
export function columnChoices(analysis: Analysis, letter: string): ColumnChoice[] {
  const column = analysis.columns.find((c) => c.column === letter);
  if (!column || column.candidates.length < 2) return [];
  return [...column.candidates]
    .sort((a, b) => b.score - a.score)
    .map((c) => ({ target: c.fiscalYear === undefined ? { field: c.field } : { field: c.field, fiscalYear: c.fiscalYear }, score: c.score }));
}

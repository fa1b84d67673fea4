// The mapping table's ranked choices: read from the analysis when the pipeline offers them (per column, or entries
// naming their column), best first, unknown fields dropped; nothing when it offers none.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../../shared/excel/import-pipeline';
import { columnChoices } from '../../../../renderer/features/import-export/column-choices';

const base: Analysis = { format: 'office', candidates: [], header: null, mapping: [], signature: null, mappingSource: 'proposed' };
const withExtra = (extra: Record<string, unknown>) => ({ ...base, ...extra }) as unknown as Analysis;

describe('columnChoices', () => {
  it('is empty when the analysis offers no choices (sheet candidates are not column choices)', () => {
    const sheets = withExtra({ candidates: [{ index: 0, name: 'Sheet1', score: 3, hidden: false, rowCount: 5 }] });
    expect(columnChoices(sheets, 0, 'A')).toEqual([]);
  });

  it('ranks a per-column list by score and drops fields the wizard does not know', () => {
    const analysis = withExtra({
      columnCandidates: [[], [{ field: 'end', score: 0.4 }, { field: 'start', score: 0.9 }, { field: 'nonsense', score: 1 }]],
    });
    expect(columnChoices(analysis, 0, 'A')).toEqual([]);
    expect(columnChoices(analysis, 1, 'B')).toEqual([
      { target: { field: 'start' }, score: 0.9 },
      { target: { field: 'end' }, score: 0.4 },
    ]);
  });

  it('reads entries that name their column, with budget targets kept whole', () => {
    const analysis = withExtra({
      mappingCandidates: [{ column: 'C', candidates: [{ target: { field: 'direct', fiscalYear: 2025, unit: 1000 } }, { target: { field: 'indirect', fiscalYear: 2025, unit: 1000 } }] }],
    });
    expect(columnChoices(analysis, 2, 'C')).toEqual([
      { target: { field: 'direct', fiscalYear: 2025, unit: 1000 }, score: null },
      { target: { field: 'indirect', fiscalYear: 2025, unit: 1000 }, score: null },
    ]);
    expect(columnChoices(analysis, 3, 'D')).toEqual([]);
  });
});

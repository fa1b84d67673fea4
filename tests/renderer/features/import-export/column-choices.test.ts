// The mapping table's ranked choices come from the pipeline's per-column inference, best first; a column with one
// candidate (or none) offers no chips.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../../shared/excel/import-pipeline';
import { columnChoices } from '../../../../renderer/features/import-export/column-choices';

const base: Analysis = { format: 'office', candidates: [], header: null, mapping: [], signature: null, mappingSource: 'proposed', columns: [], unmappedColumns: [] };

describe('columnChoices', () => {
  it('is empty when the pipeline offers no choices for the column', () => {
    expect(columnChoices(base, 'A')).toEqual([]);
    const one: Analysis = { ...base, columns: [{ column: 'A', header: '課題名', candidates: [{ field: 'title', score: 100, source: 'header' }], note: null }] };
    expect(columnChoices(one, 'A')).toEqual([]);
  });

  it('ranks the candidates of the named column by score, keeping a fiscal year', () => {
    const analysis: Analysis = {
      ...base,
      columns: [
        { column: 'A', header: '課題名', candidates: [{ field: 'title', score: 100, source: 'header' }], note: null },
        {
          column: 'B', header: '代表者・分担者', note: null,
          candidates: [{ field: 'pi', score: 70, source: 'header' }, { field: 'direct', fiscalYear: 2025, score: 80, source: 'values' }],
        },
      ],
    };
    expect(columnChoices(analysis, 'B')).toEqual([
      { target: { field: 'direct', fiscalYear: 2025 }, score: 80 },
      { target: { field: 'pi' }, score: 70 },
    ]);
    expect(columnChoices(analysis, 'C')).toEqual([]);
  });
});

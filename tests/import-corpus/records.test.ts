// The adapters from what an import produced to the scorer's records: the pipeline's arrays and the stored rows.
import { describe, expect, it } from 'vitest';
import { actualFromParsed, actualFromStores } from './records';

describe('actualFromParsed', () => {
  it('keeps code and fields, and reads a missing amount as null', () => {
    expect(
      actualFromParsed({
        projects: [{ sheet: 'S', row: 4, code: 'A-1', fields: { title: 'x' } }],
        budgetLines: [{ code: 'A-1', fiscalYear: 2025, directYen: 1000, indirectYen: null, sheet: 'S', row: 4 }],
      }),
    ).toEqual({ projects: [{ code: 'A-1', fields: { title: 'x' } }], budgetLines: [{ code: 'A-1', fiscalYear: 2025, directYen: 1000, indirectYen: null }] });
  });
});

describe('actualFromStores', () => {
  it('keys budget lines by the project code, leaving out trashed projects and lines of no live project', () => {
    const projects = [
      { id: 'p1', code: 'A-1', title: '一', deletedAt: null },
      { id: 'p2', code: 'A-2', title: '二', deletedAt: '2025-06-01T00:00:00Z' },
    ];
    const lines = [
      { id: 'b1', projectId: 'p1', fiscalYear: 2025, directYen: 5, indirectYen: 1 },
      { id: 'b2', projectId: 'p2', fiscalYear: 2025, directYen: 7, indirectYen: 2 },
      { id: 'b3', projectId: 'gone', fiscalYear: 2025, directYen: 9, indirectYen: 3 },
    ];
    const actual = actualFromStores(projects, lines);
    expect(actual.projects.map((p) => [p.code, p.fields.title])).toEqual([['A-1', '一']]);
    expect(actual.budgetLines).toEqual([{ code: 'A-1', fiscalYear: 2025, directYen: 5, indirectYen: 1 }]);
  });
});

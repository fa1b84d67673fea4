// Column inference from headers and values together: values confirm, correct or flag the header's guess; a tie maps
// nothing and leaves ranked candidates.
import { describe, expect, it } from 'vitest';
import { inferColumns, unmappedColumns } from '../../../shared/excel/column-infer';
import type { Cell } from '../../../shared/excel/sheetjs';

const fields = (headers: string[], values: Cell[][] = []) => inferColumns(headers, values, null).mapping.map((m) => m.field);

describe('column inference', () => {
  it('reads two "period" columns of single dates as start and end, with a note', () => {
    const r = inferColumns(['課題名', '研究期間', '研究期間'], [['A', 'B'], ['R7.4.1', 'R6.4.1'], ['R8.3.31', 'R9.3.31']], null);
    expect(r.mapping.map((m) => m.field)).toEqual(['title', 'start', 'end']);
    expect(r.columns[1]?.note?.ja).toContain('日付');
  });

  it('takes a column of AMED numbers as the AMED number whatever its header, and positions as the position', () => {
    expect(fields(['課題名', 'No.', '研究代表者'], [['A', 'B'], ['25hk0102001h0001', '24ek0109001h0002'], ['教授', '准教授']])).toEqual(['title', 'amedNumber', 'piPosition']);
  });

  it('drops a date header over amounts and flags it', () => {
    const r = inferColumns(['課題名', '開始日'], [['A'], [1000]], null);
    expect(r.mapping.map((m) => m.field)).toEqual(['title', 'ignore']);
    expect(r.columns[1]?.note).not.toBeNull();
    expect(r.columns[1]?.candidates[0]?.field).toBe('start');
  });

  it('maps nothing for a header naming two confusable fields, and reports it', () => {
    const r = inferColumns(['課題名', '代表者・分担者'], [['A'], ['山田 太郎']], null);
    expect(r.mapping[1]?.field).toBe('ignore');
    expect(r.columns[1]?.candidates.map((c) => c.field)).toEqual(['pi', 'coInvestigators']);
    expect(r.columns[1]?.note?.en).toContain('not mapped');
    expect(unmappedColumns(['課題名', '代表者・分担者'], r.mapping)).toEqual([{ column: 'B', header: '代表者・分担者' }]);
  });

  it('gives a single field to its strongest column and the first on a tie', () => {
    expect(fields(['管理番号', '課題名', '研究代表者', '研究代表者名'])).toEqual(['code', 'title', 'pi', 'ignore']);
  });

  it('takes a budget column without a year from the title', () => {
    expect(inferColumns(['課題名', '直接経費'], [], 2025).mapping[1]).toEqual({ field: 'direct', fiscalYear: 2025, unit: null });
  });
});

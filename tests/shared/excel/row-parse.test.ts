// Row parsing, validation and the plan on small grids: section rows lending a funder, an ID derived when the table
// has none, the project rules applied, duplicates refused.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { inferColumns } from '../../../shared/excel/column-infer';
import { buildImportPlan } from '../../../shared/excel/import-plan';
import { createProgramResolver } from '../../../shared/excel/program-resolve';
import { derivedCode, parseTableRows, sectionMeaning } from '../../../shared/excel/row-parse';
import { validateRows } from '../../../shared/excel/row-validate';
import type { Cell, SheetGrid } from '../../../shared/excel/sheetjs';
import { detectHeader } from '../../../shared/excel/table-detect';

const resolver = createProgramResolver(BUILTIN_CATALOG.programs);

function run(rows: Cell[][]) {
  const grid: SheetGrid = { name: 'S', hidden: false, rows, merges: [] };
  const header = detectHeader(grid, 0)!;
  const columns = header.headers.map((_, c) => rows.slice(header.headerRow + 1).map((r) => r[c] ?? null));
  const { mapping } = inferColumns(header.headers, columns, header.titleFiscalYear);
  const read = parseTableRows(grid, header, mapping, resolver);
  validateRows(read.rows, read.columnOf);
  return buildImportPlan('S', read.rows, read.skipped, read.tableProblems, read.columnOf('code'));
}

describe('row parsing', () => {
  it('gives the funder of a ■ section row to the rows below it', () => {
    const plan = run([['管理番号', '課題名', '研究代表者', '所属'], ['■AMED'], ['A-1', '課題一', '山田', '医学部'], ['■JST'], ['A-2', '課題二', '佐藤', '工学部']]);
    expect(plan.projects.map((p) => [p.code, p.fields.funderName])).toEqual([['A-1', 'AMED'], ['A-2', 'JST']]);
    expect(plan.skipped.map((s) => s.row)).toEqual([2, 4]);
  });

  it('derives a stable ID from the title and PI when the table has none, with a warning', () => {
    const plan = run([['研究課題名', '研究代表者', '職名', '所属'], ['課題一', '山田 太郎', '教授', '医学部']]);
    expect(plan.projects[0]?.code).toBe(derivedCode('課題一', '山田 太郎'));
    expect(derivedCode('課題一', '山田 太郎')).not.toBe(derivedCode('課題一', '佐藤 花子'));
    expect(plan.problems.some((p) => p.severity === 'warning' && p.message.ja.includes('管理番号の列がない'))).toBe(true);
  });

  it('applies the project rules (an ID over 60 characters is an error) and refuses duplicate IDs', () => {
    const long = 'X'.repeat(61);
    const plan = run([['管理番号', '課題名', '研究代表者', '事業名'], [long, '長い番号', '山田', 'BINDS'], ['D-1', '一', '山田', 'BINDS'], ['D-1', '二', '佐藤', 'BINDS']]);
    expect(plan.projects).toEqual([]);
    expect(plan.errorRows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(plan.problems.find((p) => p.row === 2)?.column).toBe('A');
  });

  it('reads what a section row names', () => {
    expect(sectionMeaning('【医学研究科】')).toEqual({ department: '医学研究科' });
    expect(sectionMeaning('■日本医療研究開発機構')).toEqual({ funder: '日本医療研究開発機構' });
    expect(sectionMeaning('【受託研究】')).toEqual({});
  });
});

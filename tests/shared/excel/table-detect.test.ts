// Table detection: the header band under title rows (one to three rows joined with "/"), and what each row below is.
import { describe, expect, it } from 'vitest';
import { expandMerges } from '../../../shared/excel/grid';
import type { Cell, SheetGrid } from '../../../shared/excel/sheetjs';
import { classifyRow, detectHeader } from '../../../shared/excel/table-detect';

const grid = (rows: Cell[][], merges: SheetGrid['merges'] = []): SheetGrid => expandMerges({ name: 'S', hidden: false, rows, merges });

describe('table detection', () => {
  it('joins a three-row header band below a title, a print date and a unit note', () => {
    const g = grid(
      [
        ['令和7年度 受託研究受入一覧（医学研究科）'],
        ['作成日：令和7年5月1日'],
        ['（単位：千円）'],
        ['管理番号', '課題名', '研究代表者', '契約額', null, null, null],
        [null, null, null, '令和7年度', null, '令和8年度', null],
        [null, null, null, '直接経費', '間接経費', '直接経費', '間接経費'],
        ['A-1', '課題', '山田', 100, 30, 100, 30],
      ],
      [{ s: { r: 3, c: 3 }, e: { r: 3, c: 6 } }, { s: { r: 4, c: 3 }, e: { r: 4, c: 4 } }, { s: { r: 4, c: 5 }, e: { r: 4, c: 6 } }, ...[0, 1, 2].map((c) => ({ s: { r: 3, c }, e: { r: 5, c } }))],
    );
    const h = detectHeader(g, 0);
    expect(h).toMatchObject({ headerTop: 3, headerRow: 5, unitNote: 1000, titleFiscalYear: 2025, titleDepartment: '医学研究科' });
    expect(h?.headers).toEqual(['管理番号', '課題名', '研究代表者', '契約額/令和7年度/直接経費', '契約額/令和7年度/間接経費', '契約額/令和8年度/直接経費', '契約額/令和8年度/間接経費']);
  });

  it('never takes the first data row into the header, even when it is all text (CSV)', () => {
    const h = detectHeader(grid([['管理番号', '課題名', '研究代表者', '職名'], ['A-1', '新規の研究', '山田 太郎', '教授']]), 0);
    expect([h?.headerTop, h?.headerRow]).toEqual([0, 0]);
  });

  it('tells data, section, total, footnote, repeated header and blank rows apart', () => {
    const headers = ['管理番号', '課題名', '直接経費'];
    expect(classifyRow(['A-1', '課題', 100], headers, 1).kind).toBe('data');
    expect(classifyRow(['【医学研究科】', '【医学研究科】', '【医学研究科】'], headers, 1)).toEqual({ kind: 'section', text: '【医学研究科】' });
    expect(classifyRow(['■AMED'], headers, 1).kind).toBe('section');
    expect(classifyRow([null, '小計', 300], headers, 1).kind).toBe('total');
    expect(classifyRow(['合 計', null, 300], headers, 1).kind).toBe('total');
    expect(classifyRow(['※ 令和8年度は予定額'], headers, 1).kind).toBe('footnote');
    expect(classifyRow(['管理番号', '課題名', '直接経費'], headers, 1).kind).toBe('header');
    expect(classifyRow([null, '', null], headers, 1).kind).toBe('blank');
    expect(classifyRow([null, '計測技術の研究', null], headers, 1).kind).toBe('data');
  });
});

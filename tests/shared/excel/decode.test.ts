// The decode stage: which bytes are a workbook, and a CSV/TSV read by us in UTF-8 (BOM or not) or CP932.
import { describe, expect, it } from 'vitest';
import { decodeSource, decodeText, parseDelimited, sniffSource } from '../../../shared/excel/decode';
import { DEFAULT_READ_LIMITS } from '../../../shared/excel/sheetjs';
import { encodeCp932 } from './issue-layouts';

const limits = DEFAULT_READ_LIMITS;

describe('decode', () => {
  it('tells zip, OLE, markup and text apart from the first bytes', () => {
    expect(sniffSource(Uint8Array.of(0x50, 0x4b, 3, 4))).toBe('zip');
    expect(sniffSource(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toBe('ole');
    expect(sniffSource(new TextEncoder().encode('  <html><table>'))).toBe('markup');
    expect(sniffSource(new TextEncoder().encode('a,b'))).toBe('text');
    expect(sniffSource(new Uint8Array())).toBe('empty');
  });

  it('reads UTF-8 with or without BOM, and CP932 whose first header is kanji', () => {
    const text = '研究課題名,研究代表者\n細胞の研究,山田 太郎\n';
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode(text)).encoding).toBe('utf-8');
    expect(decodeText(encodeCp932(text))).toEqual({ text, encoding: 'shift_jis' });
    const grid = decodeSource(encodeCp932(text), limits, 'list.csv');
    expect(grid.kind === 'grid' && grid.sheet.rows).toEqual([['研究課題名', '研究代表者'], ['細胞の研究', '山田 太郎']]);
  });

  it('splits quoted cells with commas, doubled quotes and line breaks; TSV by its tabs', () => {
    const { rows } = parseDelimited('"a,1","say ""hi""","line1\nline2"\r\n,x,\n', limits);
    expect(rows).toEqual([['a,1', 'say "hi"', 'line1\nline2'], [null, 'x', null]]);
    expect(parseDelimited('管理番号\t課題名\nA-1\tテスト', limits).rows).toEqual([['管理番号', '課題名'], ['A-1', 'テスト']]);
  });

  it('keeps to the row and column limits and says so', () => {
    const r = parseDelimited('a,b,c\n1,2,3\n4,5,6\n', { maxRows: 2, maxCols: 2 });
    expect(r).toEqual({ rows: [['a', 'b'], ['1', '2']], truncated: true });
  });

  it('refuses text named like a workbook, and text with no delimiter', () => {
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    expect(decodeSource(csv, limits, 'book.xlsx').kind).toBe('refused');
    expect(decodeSource(csv, limits, 'book.csv').kind).toBe('grid');
    expect(decodeSource(new TextEncoder().encode('これはExcelファイルではありません。\n'), limits).kind).toBe('refused');
    expect(decodeSource(Uint8Array.of(0x50, 0x4b, 3, 4), limits, 'book.xlsx').kind).toBe('workbook');
  });
});

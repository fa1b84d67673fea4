// The corpus's CSV writer and encoders: quoting as the sources quote, BOM handling, CP932 that refuses to guess.
import { describe, expect, it } from 'vitest';
import { cp932Bytes, csvText, excelCp932Text, utf8Bytes } from './text-files';

describe('csvText', () => {
  it('quotes every field like the KAKEN site, or only where needed like Excel', () => {
    const rows = [['a', 'b,c', 'say "hi"', 'line1\nline2']];
    expect(csvText(rows, { quoteAll: true, eol: '\n' })).toBe('"a","b,c","say ""hi""","line1\nline2"\n');
    expect(csvText(rows, { quoteAll: false, eol: '\r\n' })).toBe('a,"b,c","say ""hi""","line1\nline2"\r\n');
  });
});

describe('encoders', () => {
  it('adds a BOM only when asked', () => {
    expect([...utf8Bytes('研', true)]).toEqual([0xef, 0xbb, 0xbf, 0xe7, 0xa0, 0x94]);
    expect([...utf8Bytes('研', false)]).toEqual([0xe7, 0xa0, 0x94]);
  });

  it('encodes CP932 as a Shift_JIS decoder reads it back, and refuses what CP932 lacks', () => {
    const text = '研究課題名,１５，０００,～';
    expect(new TextDecoder('shift_jis').decode(cp932Bytes(text))).toBe(text);
    expect(() => cp932Bytes('2011-04-01 – 2014-03-31')).toThrow(/CP932/);
    expect(excelCp932Text('2011-04-01 – 2014-03-31')).toBe('2011-04-01 ? 2014-03-31');
  });
});

// Packed strings: every entry comes back as it went in, and indexOfString finds whole entries only (never a match
// across two entries or inside one), empty entries included.
import { describe, expect, it } from 'vitest';
import { indexOfString, packStrings, packedCount, stringAt } from '../../../shared/collections/packed-strings';

describe('packed strings', () => {
  const list = ['P-0001', 'ab', '', 'b', 'abc', 'c', 'ab', '研究', ''];
  const p = packStrings(list);

  it('keeps every entry, in order, and nothing past the end', () => {
    expect(packedCount(p)).toBe(list.length);
    expect(list.map((_, i) => stringAt(p, i))).toEqual(list);
    expect(stringAt(p, -1)).toBeUndefined();
    expect(stringAt(p, list.length)).toBeUndefined();
    expect(stringAt(p, 1.5)).toBeUndefined();
  });

  it('finds the first whole entry equal to a string, as Array.indexOf does', () => {
    for (const s of [...list, 'bc', 'a', 'b', 'P-000', '0001ab', 'x', '究', 'cab']) expect(indexOfString(p, s)).toBe(list.indexOf(s));
  });

  it('handles an empty list and a list of one', () => {
    const none = packStrings([]);
    expect(packedCount(none)).toBe(0);
    expect(indexOfString(none, '')).toBe(-1);
    expect(indexOfString(packStrings(['only']), 'only')).toBe(0);
    expect(indexOfString(packStrings(['a', 'a']), 'a')).toBe(0);
  });

  it('agrees with the arrays it packs on many random lists', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: rnd(12) }, () => 'ab'.slice(0, rnd(3)) + 'ba'.slice(0, rnd(3)));
      const packed = packStrings(items);
      expect(items.map((_, i) => stringAt(packed, i))).toEqual(items);
      for (const s of ['', 'a', 'b', 'ab', 'ba', 'aba', 'abba', 'bab']) expect(indexOfString(packed, s)).toBe(items.indexOf(s));
    }
  });
});

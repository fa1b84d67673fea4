import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../shared/collections/group-by';

describe('groupBy', () => {
  it('groups by key, keeping input order inside each group and first-seen order of groups', () => {
    const rows = [{ p: 'b', n: 1 }, { p: 'a', n: 2 }, { p: 'b', n: 3 }];
    const groups = groupBy(rows, (r) => r.p);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('a')!.map((r) => r.n)).toEqual([2]);
    expect(groups.has('c')).toBe(false);
  });

  it('returns an empty map for no items', () => {
    expect(groupBy([], () => 'x').size).toBe(0);
  });
});

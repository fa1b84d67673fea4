// Many short strings held as one: the project list's 50,000 ids and codes cross from its Worker to the page this way.
// Structured clone then copies one string instead of building 100,000 (a 50–85 ms task on the page at 50,000 projects),
// and the page's heap holds two objects for the garbage collector to walk instead of 100,000.

/** `text` is the strings one after another; string i ends at `ends[i]` and starts where string i-1 ends. */
export interface PackedStrings {
  readonly text: string;
  readonly ends: Uint32Array;
}

export function packStrings(list: readonly string[]): PackedStrings {
  const ends = new Uint32Array(list.length);
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    at += list[i]!.length;
    ends[i] = at;
  }
  return { text: list.join(''), ends };
}

export function packedCount(p: PackedStrings): number {
  return p.ends.length;
}

/** String i, or undefined past the end (as an array's index would be). */
export function stringAt(p: PackedStrings, i: number): string | undefined {
  if (!Number.isInteger(i) || i < 0 || i >= p.ends.length) return undefined;
  return p.text.slice(i === 0 ? 0 : p.ends[i - 1]!, p.ends[i]!);
}

/** The first i whose string is `s`, or -1: a text search, then the hit's entry found by bisection of the ends. */
export function indexOfString(p: PackedStrings, s: string): number {
  const { text, ends } = p;
  if (s === '') {
    // An empty string is an entry whose end equals its start.
    for (let i = 0; i < ends.length; i++) if (ends[i] === (i === 0 ? 0 : ends[i - 1])) return i;
    return -1;
  }
  for (let pos = text.indexOf(s); pos >= 0; pos = text.indexOf(s, pos + 1)) {
    // The first entry ending after pos holds pos; a match starts at its start and ends at its end.
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    // Empty entries end where the next starts: the match is the first non-empty entry starting at pos.
    const start = lo === 0 ? 0 : ends[lo - 1]!;
    if (start === pos && ends[lo] === pos + s.length) return lo;
  }
  return -1;
}

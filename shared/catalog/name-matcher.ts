// Maps a funder/program name as an office wrote it (Excel sheets, e-Rad exports, free text) to a catalog program and
// track, or to nothing. The importer maps thousands of rows with it, so a wrong guess is worse than no guess:
// unrelated funders (科研費, JST, foundations) must come back unmatched, with the closest candidates for a human to pick.
import type { CatalogProgram } from './schema';

export interface NameMatch {
  programId: string;
  trackId: string | null;
  /** Confidence, 0..1 (1 = exact name or abbreviation). */
  score: number;
}

export interface NameMatchResult {
  /** The program (and track) the name denotes, or null when nothing is close enough or it is ambiguous. */
  match: NameMatch | null;
  /** Closest programs, best first, at most 5 (includes the match). */
  candidates: NameMatch[];
}

/** Score at or above which the best candidate is taken as the match. */
export const MATCH_THRESHOLD = 0.75;
const CANDIDATE_FLOOR = 0.2;
const MAX_CANDIDATES = 5;

const BRACKETS = /[()[\]{}（）［］｛｝「」『』【】〔〕〈〉《》<>＜＞]/g;
// Separators offices insert or drop freely; the katakana prolonged sound mark ー is part of words and is kept.
const SEPARATORS = /[\s\u3000・･·•\-‐‑‒–—―−_/／\\,，、.。:：;；'"“”‘’`〜～!！?？]/g;

/**
 * Canonical form of a program name for comparison: NFKC (full-width letters and digits folded), lower case,
 * without spaces, 中黒 (・), brackets of any kind, hyphens/dashes, slashes and punctuation. Bracket contents are kept.
 * "生命科学・創薬研究支援基盤事業（ＢＩＮＤＳ）" → "生命科学創薬研究支援基盤事業binds".
 */
export function normalizeProgramName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(BRACKETS, '').replace(SEPARATORS, '');
}

const OPEN = '([{【〔〈《「『<';
const CLOSE = ')]}】〕〉》」』>';

/** Splits "A（B）C(D)" into the text outside brackets ("AC") and the bracketed parts (["B", "D"]), after NFKC. */
function splitBrackets(text: string): { outside: string; inside: string[] } {
  const s = text.normalize('NFKC');
  let outside = '';
  const inside: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) {
      if (depth === 0) current = '';
      else current += ch;
      depth++;
    } else if (CLOSE.includes(ch) && depth > 0) {
      depth--;
      if (depth === 0) inside.push(current);
      else current += ch;
    } else if (depth > 0) current += ch;
    else outside += ch;
  }
  if (depth > 0) inside.push(current);
  return { outside, inside };
}

// Funder and organisation words that prefix or suffix a program name without identifying it.
const FUNDER_WORDS = [
  '国立研究開発法人', '日本医療研究開発機構', '文部科学省', '文科省', '科学技術振興機構', '理化学研究所', '理研',
  'amed', 'mext', 'jst', 'riken',
].map(normalizeProgramName);
const YEAR_PREFIX = /^(?:令和|平成)(?:元|\d{1,2})年度|^(?:fy)?\d{4}年度?|^r\d{1,2}年度?/;
const TRAILING_NOISE = /(?:公募|採択課題|委託研究開発|補助金|委託費)$/;

function stripNoise(s: string): string {
  let out = s;
  for (let changed = true; changed && out; ) {
    changed = false;
    const year = YEAR_PREFIX.exec(out);
    if (year) {
      out = out.slice(year[0].length);
      changed = true;
    }
    for (const w of FUNDER_WORDS) {
      if (out.startsWith(w)) {
        out = out.slice(w.length);
        changed = true;
      }
      if (out.endsWith(w)) {
        out = out.slice(0, out.length - w.length);
        changed = true;
      }
    }
    const noise = TRAILING_NOISE.exec(out);
    if (noise && noise.index > 0) {
      out = out.slice(0, noise.index);
      changed = true;
    }
  }
  return out;
}

const GENERIC_SUFFIX = /(?:事業|プログラム|計画|の推進|programme|program|project)$/;
function core(s: string): string {
  return s.replace(GENERIC_SUFFIX, '');
}

const ASCII_ONLY = /^[a-z0-9&+]+$/;
/** Long enough to be distinctive inside a longer name (Japanese characters carry more than Latin letters). */
function distinctive(key: string): boolean {
  return ASCII_ONLY.test(key) ? key.length >= 14 : key.length >= 6;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function dice(a: Map<string, number>, aLen: number, b: Map<string, number>, bLen: number): number {
  if (aLen < 1 || bLen < 1) return 0;
  let common = 0;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  return (2 * common) / (aLen + bLen);
}

interface Key {
  text: string;
  core: string;
  grams: Map<string, number>;
  /** Distinctive keys may be found inside longer text and may contain shorter text; others count only when equal. */
  distinctive: boolean;
}

function makeKey(text: string): Key | null {
  if (!text) return null;
  return { text, core: core(text), grams: bigrams(text), distinctive: distinctive(text) };
}

interface Segment {
  text: string;
  core: string;
  grams: Map<string, number>;
}

function scoreSegment(s: Segment, k: Key): number {
  // A short generic name ("中核拠点") equal to the input is a candidate, never a match on its own.
  if (s.text === k.text) return k.distinctive ? 1 : 0.7;
  if (!k.distinctive) return 0.6 * dice(s.grams, s.text.length - 1, k.grams, k.text.length - 1);
  if (s.core === k.core && k.core.length >= 3) return 0.97;
  if (s.text.includes(k.text)) return 0.85 + (0.14 * k.text.length) / s.text.length;
  if (s.text.length >= 4 && k.text.includes(s.text)) return 0.55 + (0.4 * s.text.length) / k.text.length;
  return 0.9 * dice(s.grams, s.text.length - 1, k.grams, k.text.length - 1);
}

/** Name variants of one name: the whole, the part outside brackets, and each bracketed part. */
function nameVariants(name: string): string[] {
  const { outside, inside } = splitBrackets(name);
  return [normalizeProgramName(name), normalizeProgramName(outside), ...inside.map(normalizeProgramName)];
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

interface TrackKey {
  trackId: string;
  text: string;
}

interface ProgramKeys {
  programId: string;
  keys: Key[];
  abbreviations: string[];
  tracks: TrackKey[];
}

const TRACK_SUFFIX = /(?:タイプ|フェーズ|課題|type|phase)$/;

function trackKeys(program: CatalogProgram, programTexts: Set<string>): TrackKey[] {
  const out: TrackKey[] = [];
  for (const track of program.tracks) {
    // A heading we gave a block the document leaves unnamed (「標準（文書上の名称なし）」) is not a name anyone writes.
    if (track.nameJaSource === 'ours') continue;
    const texts = new Set<string>();
    for (const name of [track.nameJa, track.nameEn]) {
      const { outside, inside } = splitBrackets(name);
      const parts = [name, outside, ...inside.flatMap((p) => p.split(/[／/]/))];
      for (const part of parts) {
        const n = normalizeProgramName(part);
        texts.add(n);
        const stripped = n.replace(TRACK_SUFFIX, '');
        if (stripped.length >= 2) texts.add(stripped);
      }
    }
    for (const text of texts) {
      const long = ASCII_ONLY.test(text) ? text.length >= 5 : text.length >= 2;
      if (long && !programTexts.has(text)) out.push({ trackId: track.id, text });
    }
  }
  // Longest first, so "開発実践タイプ" wins over a shorter key it contains.
  return out.sort((a, b) => b.text.length - a.text.length);
}

function buildKeys(programs: readonly CatalogProgram[]): ProgramKeys[] {
  const byId = new Map(programs.map((p) => [p.id, p]));
  return programs.map((p) => {
    const texts = new Set<string>();
    const extra = p as Record<string, unknown>;
    const names = [p.nameJa, p.nameEn, ...stringList(extra.nameJaAsPrinted), ...stringList(extra.altNamesJa)];
    for (const name of names) for (const v of nameVariants(name)) if (v) texts.add(v);
    const parent = p.parentId ? byId.get(p.parentId) : undefined;
    if (parent) {
      // "再生・細胞医療・遺伝子治療実現加速化プログラム 中核拠点": a sub-program named under its parent.
      texts.add(normalizeProgramName(parent.nameJa + p.nameJa));
      texts.add(normalizeProgramName(core(normalizeProgramName(parent.nameJa)) + p.nameJa));
      if (parent.abbreviation) texts.add(normalizeProgramName(parent.abbreviation + p.nameJa));
    }
    const abbreviations = p.abbreviation ? [normalizeProgramName(p.abbreviation)].filter(Boolean) : [];
    // Abbreviations are matched as whole tokens, not as substrings of names.
    for (const a of abbreviations) texts.delete(a);
    const keys = [...texts].map(makeKey).filter((k): k is Key => k !== null);
    return { programId: p.id, keys, abbreviations, tracks: trackKeys(p, texts) };
  });
}

/** Latin/digit tokens of the raw text ("AMED-BINDS事業" → amed, binds, amedbinds) for abbreviation matching. */
function asciiTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const lower = text.normalize('NFKC').toLowerCase();
  for (const run of lower.match(/[a-z0-9][a-z0-9\-‐_.&]*/g) ?? []) {
    tokens.add(run.replace(/[-‐_.]/g, ''));
    for (const piece of run.split(/[-‐_.]+/)) if (piece) tokens.add(piece);
  }
  return tokens;
}

function findTrack(pk: ProgramKeys, normalized: string): string | null {
  for (const t of pk.tracks) if (normalized.includes(t.text)) return t.trackId;
  return null;
}

/**
 * Builds a matcher over a list of programs (built-in and the office's own). The returned function maps one name to a
 * program and track with a score in 0..1, or to no match (score below MATCH_THRESHOLD, or two programs tied)
 * together with the closest candidates. Results are memoised per distinct name, so large imports stay fast.
 */
export function createNameMatcher(programs: readonly CatalogProgram[]): (name: string) => NameMatchResult {
  const all = buildKeys(programs);
  const cache = new Map<string, NameMatchResult>();

  function match(name: string): NameMatchResult {
    const full = normalizeProgramName(name);
    if (!full) return { match: null, candidates: [] };
    const { outside, inside } = splitBrackets(name);
    const texts = new Set<string>([full, normalizeProgramName(outside), ...inside.map(normalizeProgramName)].map(stripNoise).filter(Boolean));
    const segments: Segment[] = [...texts].map((text) => ({ text, core: core(text), grams: bigrams(text) }));
    const tokens = asciiTokens(name);
    const stripped = stripNoise(full);

    const scored: NameMatch[] = [];
    for (const pk of all) {
      let best = 0;
      for (const a of pk.abbreviations) {
        if (stripped === a) best = 1;
        else if (tokens.has(a)) best = Math.max(best, 0.95);
        // Japanese abbreviations (科研費) have no word boundaries: a prefix or suffix counts, anywhere else less.
        else if (!ASCII_ONLY.test(a) && a.length >= 2 && stripped.includes(a)) {
          best = Math.max(best, stripped.startsWith(a) || stripped.endsWith(a) ? 0.9 : 0.8);
        }
      }
      for (const s of segments) for (const k of pk.keys) best = Math.max(best, scoreSegment(s, k));
      if (best >= CANDIDATE_FLOOR) scored.push({ programId: pk.programId, trackId: findTrack(pk, full), score: Math.round(best * 1000) / 1000 });
    }
    scored.sort((a, b) => b.score - a.score || a.programId.localeCompare(b.programId));
    const candidates = scored.slice(0, MAX_CANDIDATES);
    const [first, second] = candidates;
    const tied = first !== undefined && second !== undefined && first.score < 0.97 && first.score - second.score < 0.01;
    return { match: first && first.score >= MATCH_THRESHOLD && !tied ? first : null, candidates };
  }

  return (name: string) => {
    const cached = cache.get(name);
    if (cached) return cached;
    const result = match(name);
    if (cache.size > 20_000) cache.clear();
    cache.set(name, result);
    return result;
  };
}

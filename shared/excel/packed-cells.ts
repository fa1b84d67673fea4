// Cells that pack several fields into one, as public exports write them: KAKEN's 研究代表者 (name, institution,
// department, position, researcher number), its 研究分担者 (several such entries), its 配分額*注記 (one line per fiscal
// year, in 千円) and JST-style 所属機関・役職. Each parser takes the cell's text and returns plain fields or null.
import { personName } from './cell-values';
import { parseFiscalYearLabel } from '../calendar/wareki';
import { parseYenText } from '../money/yen';
import { DEPARTMENT, POSITION } from './value-detect';

export interface PackedPerson {
  name: string;
  institution: string;
  department: string;
  position: string;
  /** 8-digit researcher number, '' when the entry has none. */
  researcherNumber: string;
}

const ENTRY = /([^\n]+?)\s*\((\d{8})\)/g;

function unpackEntry(body: string, researcherNumber: string): PackedPerson {
  const text = body.normalize('NFKC').replace(/^[\s,、;；]+/, '').trim();
  // KAKEN puts two spaces between the name and the affiliation; a name has at most one inside it.
  let name: string;
  let rest: string;
  const gap = /\s{2,}/.exec(text);
  if (gap) {
    name = text.slice(0, gap.index);
    rest = text.slice(gap.index + gap[0].length);
  } else {
    const comma = text.search(/[,、]/);
    name = comma < 0 ? text : text.slice(0, comma);
    rest = comma < 0 ? '' : text.slice(comma + 1);
  }
  const parts = rest.split(/\s*[,、]\s*/).map((s) => s.trim()).filter(Boolean);
  const position = parts.length > 1 && POSITION.test(parts[parts.length - 1]!) ? parts.pop()! : '';
  const institution = parts.shift() ?? '';
  return { name: personName(name), institution, department: parts.join(' '), position, researcherNumber };
}

/** KAKEN's packed 研究代表者: 「笹尾 勤  明治大学, 理工学部, 教授 (20112013)」, or null when the cell is not packed. */
export function parseKakenPerson(text: string): PackedPerson | null {
  const people = parseKakenPeople(text);
  return people.length && people[0]!.researcherNumber ? people[0]! : null;
}

/**
 * Every person in a KAKEN 研究分担者 cell (entries each ending in an 8-digit number), or, for a plain list
 * (山田 太郎、佐藤 花子 / 山田太郎・佐藤花子 / 山田 太郎/佐藤 花子 / one per line), each name with no other field.
 */
export function parseKakenPeople(text: string): PackedPerson[] {
  const s = text.normalize('NFKC');
  const packed = [...s.matchAll(ENTRY)];
  if (packed.length) return packed.map((m) => unpackEntry(m[1]!, m[2]!));
  // A ・ between two katakana is inside a name (ジョン・スミス); elsewhere it separates names (山田太郎・佐藤花子).
  return s
    .replace(/(?<![\u30A0-\u30FF])・|・(?![\u30A0-\u30FF])/g, '\n')
    .split(/[\n、,;；／/]/)
    .map((n) => personName(n))
    .filter(Boolean)
    .map((name) => ({ name, institution: '', department: '', position: '', researcherNumber: '' }));
}

export interface PackedBudgetLine {
  fiscalYear: number;
  directYen: number;
  /** Null when the line names no indirect cost (older grants). */
  indirectYen: number | null;
}

const BUDGET_LINE = /^(.+?年度)\s*[:：]\s*[\d,]+\s*千円\s*[(（]\s*直接経費\s*[:：]\s*([\d,]+)\s*千円(?:\s*[、,]\s*間接経費\s*[:：]\s*([\d,]+)\s*千円)?\s*[)）]/;

/**
 * KAKEN's 配分額*注記: a total line, then 「2013年度: 2,210千円 (直接経費: 1,700千円、間接経費: 510千円)」 per year.
 * Amounts are 千円, returned as whole yen. Null when no line names a fiscal year.
 */
export function parseKakenBudget(text: string): PackedBudgetLine[] | null {
  const lines: PackedBudgetLine[] = [];
  for (const raw of text.normalize('NFKC').split(/\r?\n/)) {
    const m = BUDGET_LINE.exec(raw.trim());
    if (!m) continue;
    const fiscalYear = parseFiscalYearLabel(m[1]!);
    if (fiscalYear === null) continue;
    const direct = parseYenText(m[2]!, 1000);
    const indirect = m[3] === undefined ? null : parseYenText(m[3], 1000);
    if (direct.kind !== 'yen' || (indirect !== null && indirect.kind !== 'yen')) continue;
    lines.push({ fiscalYear, directYen: direct.yen, indirectYen: indirect === null ? null : indirect.yen });
  }
  return lines.length ? lines : null;
}

const INSTITUTION = /^(.+?(?:大学|機構|法人|研究所|研究センター|病院|高専|高等専門学校))\s*(.*)$/;

/** 所属機関・役職 in one cell: 「東京大学 大学院医学系研究科 教授」, 「○○大学・准教授」 → department and position. */
export function parseAffiliationPosition(text: string): { department: string; position: string } {
  let s = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  let position = '';
  const p = POSITION.exec(s);
  if (p && p.index + p[0].length === s.length) {
    position = p[0];
    s = s.slice(0, p.index).replace(/[\s・,、/]+$/, '');
  }
  const inst = INSTITUTION.exec(s.replace(/[・,、/]/g, ' ').trim());
  const after = inst?.[2]?.trim() ?? '';
  const department = after && DEPARTMENT.test(after) ? after : s.replace(/[・,、/]/g, ' ').trim();
  return { department, position };
}

/** One share of an エフォート cell: whose it is (a role word, a name, or nobody for a bare figure) and the percent. */
export interface EffortPart {
  /** 'pi' for 代表…, 'co' for 分担…, a name as written, or '' for a bare figure. */
  who: 'pi' | 'co' | { name: string } | '';
  percent: number;
}

const EFFORT_PART = /^(.*?)[\s:：=＝]*(\d+(?:\.\d+)?)\s*[%％]?$/;

/**
 * An エフォート cell: 「40」「40%」, a fraction cell 0.4 formatted as a percentage, 「代表40/分担10」, 「山田40・佐藤10」 or
 * 「山田 太郎 40%、佐藤 花子 10%」. Null when a part is not a figure (the caller warns); [] for an empty cell.
 */
export function parseEffortCell(text: string, fraction: number | null = null): EffortPart[] | null {
  if (fraction !== null) return fraction >= 0 && fraction <= 1 && !Number.isInteger(fraction) ? [{ who: '', percent: Math.round(fraction * 10_000) / 100 }] : fraction >= 0 && fraction <= 100 ? [{ who: '', percent: fraction }] : null;
  const s = text.normalize('NFKC').trim();
  if (!s) return [];
  const parts: EffortPart[] = [];
  for (const raw of s.split(/[\n、,;／/・]+/)) {
    const piece = raw.trim();
    if (!piece) continue;
    const m = EFFORT_PART.exec(piece);
    if (!m) return null;
    const percent = Number(m[2]);
    if (percent > 100) return null;
    const label = personName(m[1]!.replace(/[(（)）]/g, ' '));
    const who = !label ? '' : /^(?:研究)?代表(?:者)?$/.test(label) ? 'pi' : /^(?:研究)?分担(?:者)?$/.test(label) ? 'co' : { name: label };
    parts.push({ who, percent });
  }
  return parts;
}

// What a column's values look like, whatever its header says: dates, date ranges, fiscal-year labels, amounts,
// AMED/KAKEN/JST numbers, e-Rad researcher numbers, positions (教授, 准教授 …), department names, KAKEN's packed person
// and budget cells. Each detector is a small predicate; a column's profile is the share of its sampled values each
// one accepts (the approach of messytables' type guesser: score every type over a sample, keep the best).
import { cellText, isNoFigure, parseAmountCell, parseDateCell, parseDateRange, parseFiscalYearCell } from './cell-values';
import type { Cell } from './sheetjs';

export const VALUE_KINDS = [
  'date', 'dateRange', 'fiscalYear', 'amount', 'amedNumber', 'kakenNumber', 'jstNumber', 'researcherNumber', 'position',
  'department', 'kakenPerson', 'kakenBudget', 'affiliationPosition',
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const AMED_NUMBER = /^\d{2}[a-z]{2}\d{7}[a-z]\d{4}$/;
/** KAKEN 研究課題番号: 19K04750, 20H00028, 23KF0079 (two digits, one or two capitals, 4–5 digits), or 8 older digits. */
export const KAKEN_NUMBER = /^(?:\d{2}[A-Z]{1,2}\d{4,5}|\d{8})$/;
/** JST grant number: JPMJ + two-letter program + two-digit year + two characters (JPMJCR1503). */
export const JST_NUMBER = /^JPMJ[A-Z]{2}\d{2}[A-Z0-9]{2}$/;

/** Positions a PI holds, as offices write them (the last word of 所属機関・役職 too). */
export const POSITION = /(?:特任|特命|客員|名誉|招へい|招聘|連携|併任|兼任|主任|上席|主幹|特別)?(?:教授|准教授|助教授|講師|助教|助手|研究員|研究者|研究官|研究部長|研究所長|センター長|部長|室長|科長|所長|病院長|副院長|医長|医員|主任|チームリーダー|グループリーダー|ユニットリーダー|リーダー|フェロー|professor|associate professor|assistant professor|lecturer)$/i;

export const DEPARTMENT = /(?:研究科|学部|学府|研究院|研究所|センター|病院|学院|学環|学系|学域|研究部|部門|講座|教室|機構|本部)$/;

/** KAKEN's packed person: 「笹尾 勤  明治大学, 理工学部, 教授 (20112013)」. */
export const KAKEN_PERSON = /[,、].*\(\d{8}\)/;
/** KAKEN's 配分額*注記 text: 「9,100千円 (直接経費: 7,000千円、間接経費: 2,100千円)」. */
export const KAKEN_BUDGET = /千円\s*\(\s*直接経費/;

const NUMBER_WORDS = /^[\d,.\s¥￥円千万億百▲△-]+$/;

/** Which kinds one cell's value is (a cell may be several: 20112013 is a researcher number and an old KAKEN number). */
export function kindsOf(cell: Cell): ValueKind[] {
  const kinds: ValueKind[] = [];
  const text = cellText(cell);
  if (typeof cell === 'object' && cell !== null) return ['date'];
  if (typeof cell === 'number') {
    if (parseDateCell(cell).kind === 'value' && cell >= 19_000_101) kinds.push('date');
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2200) kinds.push('fiscalYear');
    kinds.push('amount');
    if (Number.isInteger(cell) && cell >= 10_000_000 && cell < 100_000_000) kinds.push('researcherNumber');
    return kinds;
  }
  if (!text) return kinds;
  if (AMED_NUMBER.test(text)) kinds.push('amedNumber');
  if (KAKEN_NUMBER.test(text)) kinds.push('kakenNumber');
  if (JST_NUMBER.test(text)) kinds.push('jstNumber');
  if (/^\d{8}$/.test(text)) kinds.push('researcherNumber');
  if (KAKEN_PERSON.test(text)) kinds.push('kakenPerson');
  if (KAKEN_BUDGET.test(text)) kinds.push('kakenBudget');
  if (/^\d{8}$/.test(text) || AMED_NUMBER.test(text)) return kinds;
  if (parseDateCell(cell, 'start').kind === 'value' && !/^\d+$/.test(text)) kinds.push('date');
  else if (/~|〜|～|から|–| - | \? /.test(text) && parseDateRange(cell).kind === 'value') kinds.push('dateRange');
  if (/年度|^FY/i.test(text) && parseFiscalYearCell(cell).kind === 'value') kinds.push('fiscalYear');
  if (NUMBER_WORDS.test(text) && parseAmountCell(cell, 1).kind !== 'error') kinds.push('amount');
  if (POSITION.test(text)) kinds.push(text.length > 12 || /[\s・,、]/.test(text) ? 'affiliationPosition' : 'position');
  else if (DEPARTMENT.test(text)) kinds.push('department');
  return kinds;
}

export interface ValueProfile {
  /** Non-empty values looked at. */
  sampled: number;
  /** Share (0–1) of the sampled values of each kind. */
  share: Partial<Record<ValueKind, number>>;
}

/** Profiles up to `max` non-empty values of one column ("no figure" words such as 未定 or - are not counted). */
export function profileColumn(cells: readonly Cell[], max = 40): ValueProfile {
  const counts = new Map<ValueKind, number>();
  let sampled = 0;
  for (const cell of cells) {
    if (sampled >= max) break;
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && isNoFigure(cell)) continue;
    sampled++;
    for (const k of kindsOf(cell)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const share: Partial<Record<ValueKind, number>> = {};
  for (const [k, n] of counts) share[k] = n / sampled;
  return { sampled, share };
}


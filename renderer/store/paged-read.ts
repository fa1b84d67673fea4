// Whole tables (or an index range) read a page per request, each page in a short transaction of its own: Chromium's
// IndexedDB serves an origin's requests in turn, so one getAll of 50,000 rows held back every read and write of the app
// (the page's included) until it was done; a save now waits for one page (issue 14). Writes may land between pages: a caller that keeps what it
// read brackets the read with the store's revision (readUnchanged in kept-snapshot.ts).
import { cmp, Dexie } from './db';
import type { IndexableType, Table } from './db';

/**
 * Rows per request by default. Measured on 50,000 projects in Chromium (docs/performance.md, "Session 8"): pages of
 * 250 took about 9 ms each and the whole read a third of one getAll's time; pages of 500 or more took 70–600 ms each
 * and the read no less than one getAll.
 */
export const READ_PAGE = 250;

export interface PagedReadOptions {
  /** Rows per request. */
  pageSize?: number;
  /** The index to walk (default the primary key): rows come in its order, equal keys by primary key, as `toArray` gives them. */
  index?: string;
  /** Only keys from the first (included) to the second (excluded). */
  between?: readonly [IndexableType, IndexableType];
}

/** What `table.orderBy(index)` (or `.where(index).between(...)`) `.toArray()` returns, read a page per transaction. */
export async function readInPages<T, K extends IndexableType, I>(table: Table<T, K, I>, options: PagedReadOptions = {}): Promise<T[]> {
  const { pageSize = READ_PAGE, index, between } = options;
  const spec = index === undefined ? table.schema.primKey : table.schema.idxByName[index];
  if (!spec?.keyPath || spec.multi) throw new Error(`readInPages: ${table.name}.${index ?? ':id'} is not an inbound, single-entry key`);
  const keyPath = spec.keyPath;
  const name = index ?? ':id';
  const unique = index === undefined || !!spec.unique;
  const keyOf = (row: T): IndexableType => Dexie.getByKeyPath(row as object, keyPath) as IndexableType;
  const upper = between?.[1];
  const from = (lower: IndexableType, include: boolean) =>
    upper === undefined ? (include ? table.where(name).aboveOrEqual(lower) : table.where(name).above(lower)) : table.where(name).between(lower, upper, include, false);

  const out: T[] = [];
  // The next page starts at `lower` (included when `skip` rows of that key were already taken, else after it).
  let lower: IndexableType | undefined = between?.[0];
  let include = true;
  let skip = 0;
  for (;;) {
    const start = lower === undefined ? table.orderBy(name) : from(lower, include);
    const page = await start.limit(pageSize + skip).toArray();
    for (let i = skip; i < page.length; i++) out.push(page[i]!);
    if (page.length < pageSize + skip) return out;
    const last = keyOf(page[page.length - 1]!);
    lower = last;
    include = false;
    skip = 0;
    if (unique) continue;
    // A key can repeat in an index: rows of the page's last key are the first rows of that key's run (the page began
    // at or after its first row), and the next page begins at that key again, skipping them.
    let run = 0;
    while (run < page.length && cmp(keyOf(page[page.length - 1 - run]!), last) === 0) run++;
    if (run < pageSize) {
      include = true;
      skip = run;
    } else {
      // A run longer than a page: skipping would read it again page after page, so the rest of it comes in one
      // request (which holds the table as long as that takes: an index whose keys repeat thousands of times, like
      // milestones' due dates, is better read by primary key and sorted).
      const rest = await table.where(name).equals(last).toArray();
      for (let i = run; i < rest.length; i++) out.push(rest[i]!);
    }
  }
}

/** What `table.orderBy(index).uniqueKeys()` returns (a walk of the index, keys only), `pageSize` keys per transaction. */
export async function readUniqueKeysInPages<T, K extends IndexableType, I>(table: Table<T, K, I>, index: string, pageSize = READ_PAGE): Promise<IndexableType[]> {
  const out: IndexableType[] = [];
  let last: IndexableType | undefined;
  for (;;) {
    const page = await (last === undefined ? table.orderBy(index) : table.where(index).above(last)).limit(pageSize).uniqueKeys();
    for (const key of page) out.push(key);
    if (page.length < pageSize) return out;
    last = page[page.length - 1]!;
  }
}

/**
 * The same keys as readUniqueKeysInPages, found by seeking past each one: one short request per distinct key. For an
 * index with few distinct keys over many rows (the departments of 50,000 projects), where a unique walk still reads
 * every entry (Chromium steps through the equal keys: 0.2–1.6 s per Deadlines visit at 10,000 projects, loaded).
 */
export async function readFewDistinctKeys<T, K extends IndexableType, I>(table: Table<T, K, I>, index: string): Promise<IndexableType[]> {
  const out: IndexableType[] = [];
  let last: IndexableType | undefined;
  for (;;) {
    const next = await (last === undefined ? table.orderBy(index) : table.where(index).above(last)).limit(1).keys();
    if (next.length === 0) return out;
    out.push((last = next[0]!));
  }
}

// A read of big tables kept by a Worker between requests (the Reports screen's tables, the export's rows read ahead),
// reused only while the store's revision is the one it was read at: every committed write to projects, budget lines
// or milestones bumps that revision in its own transaction (db.ts), so an equal revision means the same rows.
import { tablesWrittenSince } from '../../shared/portfolio/status-counts';
import type { CountedTable, PortfolioCounters } from '../../shared/portfolio/status-counts';
import { readPortfolioCounters } from './status-counters';

/** The store's revision now (undefined when the counters row is missing: then nothing kept can be trusted). */
export async function readRevision(): Promise<number | undefined> {
  return (await readPortfolioCounters())?.revision;
}

/** Tries of a read that writes kept landing in (each try is a whole read; writes do not wait for it). */
const UNCHANGED_TRIES = 3;

/**
 * `read` (tables read a page per transaction, paged-read.ts, so writes land between pages) bracketed by two reads of
 * the counters row. The revision is read first: a write committed during the read moves it, so the counters come back
 * only when it did not move (then they describe exactly the rows read: the revision is bumped in every transaction
 * that writes projects, budget lines or milestones). Otherwise the read is tried again; after UNCHANGED_TRIES, or
 * when the row is missing, the rows come with null, which nothing keeps as current (its revision is undefined).
 */
export async function readUnchanged<T>(read: () => Promise<T>): Promise<{ value: T; counters: PortfolioCounters | null }> {
  for (let tries = 1; ; tries++) {
    const before = await readPortfolioCounters();
    const value = await read();
    const after = await readPortfolioCounters();
    if (before && after && before.revision === after.revision) return { value, counters: after };
    if ((!before && !after) || tries >= UNCHANGED_TRIES) return { value, counters: null };
  }
}

export class KeptSnapshot<T extends { revision: number | undefined }> {
  private kept: T | null = null;

  /**
   * `read` gives the rows with the revision they were read at (one transaction, or `readUnchanged`: undefined when a
   * write landed during the read, so the next call reads again); `beforeRead` lets go of what was built from the last.
   */
  constructor(
    private readonly read: () => Promise<T>,
    private readonly beforeRead: () => void = () => undefined,
  ) {}

  /** The rows as stored now: the kept read when the revision has not moved since, else a new read (then kept). */
  async current(): Promise<T> {
    if (this.kept) {
      const revision = await readRevision();
      if (revision !== undefined && revision === this.kept.revision) return this.kept;
    }
    // Dropped before reading, so the old and the new snapshot are never held together.
    this.kept = null;
    this.beforeRead();
    this.kept = await this.read();
    return this.kept;
  }
}

/** One reader per counted table (a table itself, or what is derived from it alone, like the milestone facts). */
export type TableReaders<V extends Partial<Record<CountedTable, unknown>>> = { [K in keyof V]: () => Promise<V[K]> };

/**
 * Like KeptSnapshot, for a Worker that keeps several of the counted tables: after a write, only the tables written
 * since its read (the counters' per-table revisions, status-counts.ts) are read again, the others kept as they are
 * (same objects, so what was built from them can tell). The tables read are bracketed by the revision as readUnchanged
 * does, and a table another write touched meanwhile is read too, until one bracket sees no table it did not read move.
 */
export class KeptTables<V extends Partial<Record<CountedTable, unknown>>> {
  private kept: { values: Partial<V>; counters: PortfolioCounters } | null = null;

  constructor(
    private readonly readers: TableReaders<V>,
    /** Lets go of what was built from the tables about to be read (their old rows are dropped before the read). */
    private readonly beforeRead: () => void = () => undefined,
  ) {}

  /** The tables as stored now, and the counters they match (null: a write kept landing, so not kept: read again next time). */
  async current(): Promise<{ values: V; counters: PortfolioCounters | null }> {
    const names = Object.keys(this.readers) as (keyof V & CountedTable)[];
    const kept = this.kept;
    let latest = await readPortfolioCounters();
    if (kept && latest && latest.revision === kept.counters.revision) return { values: kept.values as V, counters: latest };
    this.kept = null;
    this.beforeRead();
    // The kept object itself: a table's old rows are deleted from it before that table is read again.
    const values: Partial<V> = kept?.values ?? {};
    // Per table, the counters it is known to match (as of its read, or the kept read).
    const readAt = new Map<keyof V & CountedTable, PortfolioCounters>(kept ? names.map((t) => [t, kept.counters]) : []);
    for (let tries = 0; ; tries++) {
      const now = latest;
      const stale = now ? names.filter((t) => { const at = readAt.get(t); return !at || tablesWrittenSince(at, now).includes(t); }) : names;
      if (now && stale.length === 0) {
        // A new object per read (the tables not read again are the same objects in it).
        const fresh = { ...values };
        this.kept = { values: fresh, counters: now };
        return { values: fresh as V, counters: now };
      }
      if (tries === UNCHANGED_TRIES || (tries > 0 && !now)) return { values: values as V, counters: null };
      for (const t of stale) {
        delete values[t];
        readAt.delete(t);
      }
      const before = await readPortfolioCounters();
      const rows = await Promise.all(stale.map((t) => this.readers[t]()));
      stale.forEach((t, i) => (values[t] = rows[i]));
      latest = await readPortfolioCounters();
      // A table read whole between two reads of the counters matches the second unless a write to it landed between.
      if (before && latest) {
        const moved = tablesWrittenSince(before, latest);
        for (const t of stale) if (!moved.includes(t)) readAt.set(t, latest);
      }
    }
  }
}

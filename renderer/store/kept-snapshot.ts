// A read of big tables kept by a Worker between requests (the Reports screen's tables, the export's rows read ahead),
// reused only while the store's revision is the one it was read at: every committed write to projects, budget lines
// or milestones bumps that revision in its own transaction (db.ts), so an equal revision means the same rows.
import type { PortfolioCounters } from '../../shared/portfolio/status-counts';
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

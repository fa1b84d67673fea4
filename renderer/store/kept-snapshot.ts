// A read of big tables kept by a Worker between requests (the Reports screen's tables, the export's rows read ahead),
// reused only while the store's revision is the one it was read at: every committed write to projects, budget lines
// or milestones bumps that revision in its own transaction (db.ts), so an equal revision means the same rows.
import { readPortfolioCounters } from './status-counters';

/** The store's revision now (undefined when the counters row is missing: then nothing kept can be trusted). */
export async function readRevision(): Promise<number | undefined> {
  return (await readPortfolioCounters())?.revision;
}

export class KeptSnapshot<T extends { revision: number | undefined }> {
  private kept: T | null = null;

  /** `read` reads the rows and the revision in one transaction; `beforeRead` lets go of what was built from the last. */
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

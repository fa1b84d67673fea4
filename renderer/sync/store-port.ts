// What the sync module needs from the app's store, as an interface the store implements once it owns every write:
// the changes this desktop made (recorded in the same transaction as each write and its audit entry), and a way to
// apply a batch that came from colleagues in one transaction, marked remote so it is not sent back.
import type { AuditEntry } from '../../shared/domain/types';
import type { IncomingRecord, SyncKind, SyncedAuditEntry } from '../../shared/sync/sync-docs';

/** One record as it now is in the store after local writes; `record` null when it was removed for good. */
export interface LocalChange {
  kind: SyncKind;
  key: string;
  record: Record<string, unknown> | null;
}

export interface LocalChangeBatch {
  /** Latest state of each changed record (several writes to one record since the cursor come as one). */
  changes: LocalChange[];
  /** Audit entries written locally since the cursor, with their local sequence numbers. */
  audit: (AuditEntry & { seq: number })[];
  /** Where the next call continues; null when nothing was returned. */
  cursor: string | null;
  /** More changes wait after this batch. */
  more: boolean;
}

export interface RemoteAuditEntry {
  /** The audit document's id: the store keeps it so the entry is never sent back. */
  id: string;
  author: string;
  entry: SyncedAuditEntry;
}

export interface RemoteBatch {
  records: IncomingRecord[];
  audit: RemoteAuditEntry[];
}

export interface SyncStorePort {
  /** Local changes after `cursor` (null: from the start, i.e. the one-time upload of an existing database). */
  collectLocalChanges(cursor: string | null, limit: number): Promise<LocalChangeBatch>;
  /** Applies colleagues' changes in one transaction, marked remote: no echo, counters kept right, audit by author. */
  applyRemoteBatch(batch: RemoteBatch): Promise<void>;
  /**
   * Applies the revision this desktop wrote to settle a field under review, with an audit entry by whoever chose
   * (written here, so it is sent to the office like any local entry); the record itself is not queued again.
   */
  applyResolution(record: IncomingRecord, field: string): Promise<void>;
}

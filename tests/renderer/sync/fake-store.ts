// A stand-in for the store's side of the sync interface (renderer/sync/store-port.ts): records per kind in memory,
// a change log of local writes, and a record of every remote batch applied, so tests see exactly what sync did.
import type { AuditEntry } from '../../../shared/domain/types';
import type { IncomingRecord, ReviewItem, SyncKind } from '../../../shared/sync/sync-docs';
import { keyField } from '../../../shared/sync/sync-docs';
import type { LocalChangeBatch, RemoteBatch, SyncStorePort } from '../../../renderer/sync/store-port';

export class FakeStore implements SyncStorePort {
  readonly records = new Map<string, Record<string, unknown>>();
  readonly review = new Map<string, ReviewItem[]>();
  readonly audit: (AuditEntry & { seq: number; syncId?: string })[] = [];
  readonly applied: RemoteBatch[] = [];
  /** While set, applying a remote batch fails before anything is written (a store transaction that aborts). */
  failApply: ((batchIndex: number) => boolean) | null = null;
  private applyCalls = 0;
  /** The change log: one row per local write, naming the audit entry written with it. */
  private log: { seq: number; kind: SyncKind; key: string; auditSeq: number | null }[] = [];
  private seq = 0;
  private auditSeq = 0;

  constructor(private readonly user: string) {}

  private id(kind: SyncKind, key: string): string {
    return `${kind}:${key}`;
  }

  /** A local write, as the store will do it: the record, its audit entry, and a change-log row. */
  write(kind: SyncKind, record: Record<string, unknown>): void {
    const key = String(record[keyField(kind)]);
    const before = this.records.get(this.id(kind, key)) ?? null;
    this.records.set(this.id(kind, key), structuredClone(record));
    this.log.push({ seq: ++this.seq, kind, key, auditSeq: this.auditSeq + 1 });
    this.audit.push({ seq: ++this.auditSeq, at: '2026-04-01T00:00:00Z', user: this.user, entity: 'project', entityId: key, projectId: null, action: before ? 'update' : 'create', summary: `${kind} ${key}`, before, after: record });
  }

  remove(kind: SyncKind, key: string): void {
    this.records.delete(this.id(kind, key));
    this.log.push({ seq: ++this.seq, kind, key, auditSeq: null });
  }

  get(kind: SyncKind, key: string): Record<string, unknown> | undefined {
    return this.records.get(this.id(kind, key));
  }

  collectLocalChanges(cursor: string | null, limit: number): Promise<LocalChangeBatch> {
    const after = cursor === null ? 0 : Number(cursor);
    const rows = this.log.filter((r) => r.seq > after).slice(0, limit);
    const latest = new Map(rows.map((r) => [this.id(r.kind, r.key), r]));
    const lastSeq = rows.at(-1)?.seq;
    const auditSeqs = new Set(rows.map((r) => r.auditSeq));
    return Promise.resolve({
      changes: [...latest.values()].map((r) => ({ kind: r.kind, key: r.key, record: this.records.get(this.id(r.kind, r.key)) ?? null })),
      audit: this.audit.filter((a) => auditSeqs.has(a.seq)),
      cursor: lastSeq === undefined ? null : String(lastSeq),
      more: this.log.some((r) => r.seq > (lastSeq ?? after)),
    });
  }

  /** Resolutions applied: the record and the field chosen (the real store also writes an audit entry). */
  readonly resolutions: { key: string; field: string }[] = [];

  async applyResolution(record: IncomingRecord, field: string): Promise<void> {
    this.resolutions.push({ key: record.key, field });
    await this.applyRemoteBatch({ records: [record], audit: [] });
  }

  applyRemoteBatch(batch: RemoteBatch): Promise<void> {
    if (this.failApply?.(this.applyCalls++)) return Promise.reject(new Error('store write failed'));
    this.applied.push(structuredClone(batch));
    for (const r of batch.records) {
      if (r.removed) this.records.delete(this.id(r.kind, r.key));
      else this.records.set(this.id(r.kind, r.key), structuredClone(r.record));
      if (r.review.length) this.review.set(this.id(r.kind, r.key), r.review);
      else this.review.delete(this.id(r.kind, r.key));
    }
    for (const a of batch.audit) this.audit.push({ ...a.entry, seq: 1_000_000 + this.audit.length, syncId: a.id });
    return Promise.resolve();
  }
}

// How the office's records travel through CouchDB: one document per record, its `_id` built from the record's own
// key so it never changes, every field with the clock stamp of its last change (and who made it), and audit entries
// as documents written once and never changed. Pure mapping; PouchDB itself lives only in renderer/sync/.
import type { AuditEntry } from '../domain/types';
import { compareHlc } from './hlc';

/** Record kinds that sync, one CouchDB document per record. */
export const SYNC_KINDS = ['project', 'budgetLine', 'milestone', 'program', 'template', 'researcher', 'membership', 'application', 'trackedCall', 'settings'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** Bumped when the document layout changes; a replica refuses documents from a newer layout rather than misread them. */
export const SYNC_SCHEMA_VERSION = 1;

/** How many earlier stamps of a field a document remembers, to tell "changed after seeing yours" from "changed too". */
export const STAMP_HISTORY = 8;

/** The field that holds each kind's own key (shared settings are keyed by name, everything else by id). */
export function keyField(kind: SyncKind): 'id' | 'key' {
  return kind === 'settings' ? 'key' : 'id';
}

export interface FieldStamp {
  /** Hybrid logical clock stamp of the change (shared/sync/hlc.ts). */
  at: string;
  /** CouchDB user name of who made it. */
  by: string;
  /** Earlier stamps of this field, newest first, at most STAMP_HISTORY. */
  h: string[];
}

export interface ReviewSide {
  value: unknown;
  at: string;
  by: string;
}

/** Both sides changed the same amount, status or date: both values kept until someone chooses. */
export interface ReviewItem {
  field: string;
  /** Ordered by stamp, so every replica builds the same item. */
  sides: [ReviewSide, ReviewSide];
}

/** Field name used in review items for "removed on one side, changed on the other". */
export const REMOVED_FIELD = '$removed';

export interface RecordDoc {
  _id: string;
  _rev?: string;
  _conflicts?: string[];
  type: SyncKind;
  schema: number;
  /** Who wrote this revision: the server's validate_doc_update requires it to be the signed-in user. */
  author: string;
  /** The replica (app install) that wrote this revision. */
  replica: string;
  data: Record<string, unknown>;
  stamps: Record<string, FieldStamp>;
  /** Set when the record was removed for good (not the trash, which is the project's own `deletedAt` field). */
  removed: FieldStamp | null;
  review: ReviewItem[];
}

/** An audit entry as written once by its author; the local `seq` stays local, `undoneSeq` becomes a document id. */
export type SyncedAuditEntry = Omit<AuditEntry, 'seq' | 'undoneSeq'> & { undoneId?: string };

export interface AuditDoc {
  _id: string;
  _rev?: string;
  type: 'audit';
  schema: number;
  author: string;
  replica: string;
  entry: SyncedAuditEntry;
}

export type SyncDoc = RecordDoc | AuditDoc;

export function isAuditDoc(doc: SyncDoc): doc is AuditDoc {
  return doc.type === 'audit';
}

/** `project:<id>`: the kind keeps ids of different tables apart and keeps ids off CouchDB's reserved `_` prefix. */
export function recordDocId(kind: SyncKind, key: string): string {
  return `${kind}:${key}`;
}

/** `audit:<replica>:<local seq>`: unique across the office without coordination, and the same on every upload. */
export function auditDocId(replica: string, seq: number): string {
  return `audit:${replica}:${String(seq).padStart(10, '0')}`;
}

export type ParsedDocId = { type: 'audit'; replica: string; seq: number } | { type: SyncKind; key: string };

export function parseDocId(id: string): ParsedDocId | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const type = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (type === 'audit') {
    const m = /^([A-Za-z0-9_-]{1,64}):(\d{10})$/.exec(rest);
    return m ? { type: 'audit', replica: m[1]!, seq: Number(m[2]) } : null;
  }
  if (!(SYNC_KINDS as readonly string[]).includes(type) || rest.length === 0) return null;
  return { type: type as SyncKind, key: rest };
}

/** Structural equality of JSON values (records hold only JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && sameValue(ao[k], bo[k]));
}

function nextStamp(previous: FieldStamp | undefined, at: string, by: string): FieldStamp {
  if (!previous) return { at, by, h: [] };
  if (compareHlc(at, previous.at) <= 0) throw new Error(`Clock went backwards: ${at} after ${previous.at}`);
  return { at, by, h: [previous.at, ...previous.h].slice(0, STAMP_HISTORY) };
}

export interface RecordWrite {
  kind: SyncKind;
  /** The record as the store holds it (a plain JSON object). */
  record: object;
  /** The document this record was last synced as (the local PouchDB's current revision), if any. */
  previous: RecordDoc | null;
  /** A fresh clock stamp for this write. */
  at: string;
  by: string;
  replica: string;
}

/**
 * The document for a record as it now is in the local store: fields equal to the previous revision keep their stamps,
 * changed, added and dropped fields get the new stamp. A record that was removed and is written again comes back.
 */
export function recordToDoc(w: RecordWrite): RecordDoc {
  const key = (w.record as Record<string, unknown>)[keyField(w.kind)];
  if (typeof key !== 'string' || key === '') throw new Error(`A ${w.kind} record needs a string ${keyField(w.kind)}`);
  const data = JSON.parse(JSON.stringify(w.record)) as Record<string, unknown>;
  const prev = w.previous;
  const stamps: Record<string, FieldStamp> = {};
  const fields = new Set([...Object.keys(data), ...Object.keys(prev?.stamps ?? {})]);
  for (const f of [...fields].sort()) {
    const before = prev?.stamps[f];
    const unchanged = prev && before && Object.hasOwn(prev.data, f) === Object.hasOwn(data, f) && sameValue(prev.data[f], data[f]);
    stamps[f] = unchanged ? before : nextStamp(before, w.at, w.by);
  }
  return {
    _id: recordDocId(w.kind, key),
    ...(prev?._rev ? { _rev: prev._rev } : {}),
    type: w.kind,
    schema: SYNC_SCHEMA_VERSION,
    author: w.by,
    replica: w.replica,
    data,
    stamps,
    removed: null,
    review: prev?.review ?? [],
  };
}

/** The revision that says a record was removed for good; its fields stay in the document so a removal can be undone. */
export function removalDoc(previous: RecordDoc, at: string, by: string, replica: string): RecordDoc {
  const { _conflicts: _ignored, ...rest } = previous;
  return { ...rest, author: by, replica, removed: nextStamp(previous.removed ?? undefined, at, by) };
}

export function auditToDoc(entry: AuditEntry & { seq: number }, replica: string, author: string, undoneId?: string): AuditDoc {
  const { seq, undoneSeq: _undoneSeq, ...rest } = entry;
  const synced: SyncedAuditEntry = JSON.parse(JSON.stringify(rest)) as SyncedAuditEntry;
  if (undoneId) synced.undoneId = undoneId;
  return { _id: auditDocId(replica, seq), type: 'audit', schema: SYNC_SCHEMA_VERSION, author, replica, entry: synced };
}

/** What the store applies for a record document: the record, or its removal, and any open review items. */
export interface IncomingRecord {
  kind: SyncKind;
  key: string;
  record: Record<string, unknown>;
  removed: boolean;
  review: ReviewItem[];
  /** Who wrote the revision (shown in the audit trail as the colleague who made the change). */
  author: string;
}

export function docToRecord(doc: RecordDoc): IncomingRecord {
  return {
    kind: doc.type,
    key: String(doc.data[keyField(doc.type)]),
    record: doc.data,
    removed: doc.removed !== null,
    review: doc.review,
    author: doc.author,
  };
}

/** Every stamp a document holds, to move this replica's clock past them when it arrives. */
export function docStamps(doc: SyncDoc): string[] {
  if (isAuditDoc(doc)) return [];
  const out = Object.values(doc.stamps).map((s) => s.at);
  if (doc.removed) out.push(doc.removed.at);
  return out;
}

// The customs gate for documents arriving from the office's server: untrusted input (any member, or a broken client,
// can write anything the server's rules let through), checked completely before the store sees it. Returns typed
// documents or the list of problems, like the backup gate (shared/backup/backup-format.ts), whose row schemas it reuses.
import { z } from 'zod';
import { budgetRow, milestoneRow, projectRow } from '../backup/backup-format';
import { MILESTONE_KINDS } from '../domain/types';
import { isHlcStamp } from './hlc';
import type { SyncDoc, SyncKind } from './sync-docs';
import { REMOVED_FIELD, STAMP_HISTORY, SYNC_KINDS, SYNC_SCHEMA_VERSION, auditDocId, keyField, parseDocId } from './sync-docs';

export interface SyncProblem {
  path: string;
  message: string;
}

export type SyncDocParse = { ok: true; doc: SyncDoc } | { ok: false; problems: SyncProblem[] };

const userName = z.string().min(1).max(200);
const stampString = z.string().refine(isHlcStamp, 'not a clock stamp');
const fieldStamp = z.object({ at: stampString, by: userName, h: z.array(stampString).max(STAMP_HISTORY) });
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string().max(100_000), z.number(), z.boolean(), z.null(), z.array(jsonValue).max(10_000), z.record(z.string().max(200), jsonValue)]),
);
const reviewSide = z.object({ value: jsonValue, at: stampString, by: userName });
const reviewItem = z.object({ field: z.string().min(1).max(200), sides: z.tuple([reviewSide, reviewSide]) });

const keyedRow = (key: 'id' | 'key') => z.looseObject({ [key]: z.string().min(1).max(200) });

/**
 * Row schemas per kind. The three with an existing store shape reuse the backup's; the planning tables (researchers,
 * memberships, applications, tracked calls) are checked as keyed JSON until their store schemas land.
 */
const ROW_SCHEMAS: Record<SyncKind, z.ZodType<Record<string, unknown>>> = {
  project: projectRow,
  budgetLine: budgetRow,
  milestone: milestoneRow,
  program: keyedRow('id'),
  template: z.looseObject({
    id: z.string().min(1).max(200),
    kind: z.enum(MILESTONE_KINDS),
    title: z.string().max(2000),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    programId: z.string().max(200).nullable(),
  }),
  researcher: keyedRow('id'),
  membership: keyedRow('id'),
  application: keyedRow('id'),
  trackedCall: keyedRow('id'),
  settings: keyedRow('key'),
};

const docHead = {
  _id: z.string().min(1).max(300),
  _rev: z.string().max(100).optional(),
  _conflicts: z.array(z.string().max(100)).max(1000).optional(),
  schema: z.number().int().min(1),
  author: userName,
  replica: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a replica id'),
};

const recordDoc = z.object({
  ...docHead,
  type: z.enum(SYNC_KINDS),
  data: z.record(z.string().max(200), jsonValue),
  stamps: z.record(z.string().max(200), fieldStamp),
  removed: fieldStamp.nullable(),
  review: z.array(reviewItem).max(500),
});

const auditDoc = z.object({
  ...docHead,
  type: z.literal('audit'),
  entry: z.looseObject({
    at: z.string().max(40),
    user: z.string().max(200),
    entity: z.enum(['project', 'budget', 'milestone', 'program', 'settings', 'import']),
    entityId: z.string().max(300),
    projectId: z.string().max(200).nullable(),
    action: z.enum(['create', 'update', 'delete', 'restore', 'import', 'undo']),
    summary: z.string().max(10_000),
    before: jsonValue.optional(),
    after: jsonValue.optional(),
    batch: z.string().max(200).optional(),
    undoneId: z.string().max(300).optional(),
  }),
});

/** Keys that would reach an object's prototype when copied with spread or Object.assign downstream. */
const POISONED = new Set(['__proto__', 'constructor', 'prototype']);

function poisonedPath(value: unknown, path: string, depth = 0): string | null {
  if (depth > 50) return path;
  if (typeof value !== 'object' || value === null) return null;
  for (const k of Object.keys(value)) {
    if (POISONED.has(k)) return `${path}.${k}`;
    const inner = poisonedPath((value as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
    if (inner) return inner;
  }
  return null;
}

function fail(path: string, message: string): SyncDocParse {
  return { ok: false, problems: [{ path, message }] };
}

/** Checks one document from the server (or a colleague's replica) before anything reads it. */
export function parseSyncDoc(input: unknown): SyncDocParse {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('(root)', 'not a document / 文書ではありません');
  const raw = input as Record<string, unknown>;
  if (typeof raw.schema === 'number' && raw.schema > SYNC_SCHEMA_VERSION) {
    return fail('schema', 'Written by a newer version of Grant Portfolio; update the app / 新しいバージョンで書かれた文書です。アプリを更新してください');
  }
  const poisoned = poisonedPath(raw, '(root)');
  if (poisoned) return fail(poisoned, 'forbidden key / 使用できないキー');
  const id = typeof raw._id === 'string' ? parseDocId(raw._id) : null;
  if (!id) return fail('_id', 'not a Grant Portfolio document id / Grant Portfolio の文書 ID ではありません');
  if (id.type !== raw.type) return fail('type', `type does not match the id (${id.type})`);

  if (id.type === 'audit') {
    const parsed = auditDoc.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
    if (auditDocId(parsed.data.replica, id.seq) !== parsed.data._id) return fail('replica', 'audit entry id does not match its replica');
    return { ok: true, doc: parsed.data as unknown as SyncDoc };
  }

  const parsed = recordDoc.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const doc = parsed.data;
  const problems: SyncProblem[] = [];
  const kind = doc.type;
  const row = ROW_SCHEMAS[kind].safeParse(doc.data);
  if (!row.success) problems.push(...zodProblems(row.error, 'data'));
  if (doc.data[keyField(kind)] !== id.key) problems.push({ path: `data.${keyField(kind)}`, message: `does not match the document id ${doc._id}` });
  for (const f of Object.keys(doc.data)) if (!doc.stamps[f]) problems.push({ path: `stamps.${f}`, message: 'field has no stamp' });
  for (const r of doc.review) {
    if (r.field !== REMOVED_FIELD && !Object.hasOwn(doc.stamps, r.field)) problems.push({ path: `review.${r.field}`, message: 'review of an unknown field' });
  }
  return problems.length ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, doc: doc as unknown as SyncDoc };
}

function zodProblems(error: z.ZodError, prefix?: string): SyncProblem[] {
  return error.issues.slice(0, 50).map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)', message: i.message }));
}

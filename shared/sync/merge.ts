// Field-by-field merge of two revisions of one record that CouchDB holds as conflicts. Fields changed on one side
// only are taken from that side; where both changed the same amount, status or date, the record goes to review with
// both values and who set them; every other field both changed takes the later clock stamp. Nothing is dropped, and
// the result is the same whichever replica merges, so two replicas merging at once agree.
import { compareHlc } from './hlc';
import type { FieldStamp, RecordDoc, ReviewItem, ReviewSide, SyncKind } from './sync-docs';
import { REMOVED_FIELD, STAMP_HISTORY, SYNC_SCHEMA_VERSION, sameValue } from './sync-docs';

/** Fields that are never settled by the clock alone, per kind (amounts, statuses, dates). */
const REVIEW_FIELDS: Partial<Record<SyncKind, readonly string[]>> = {
  project: ['status', 'startDate', 'endDate', 'programId'],
  budgetLine: ['fiscalYear', 'directYen', 'indirectYen'],
  milestone: ['dueDate', 'status', 'doneDate'],
  template: ['month', 'day'],
  // The planning tables' amounts and dates whose names the naming rules below do not catch.
  application: ['requested', 'eradDeadline', 'internalDeadline', 'probabilityOverride'],
  trackedCall: ['deadline', 'expectedAwards'],
  membership: ['effort'],
};

/**
 * Whether a conflicting change of this field needs a person: the listed fields, and for every kind (the planning tables
 * too) any status, any date and any yen amount by the naming rules of shared/domain/types.ts.
 */
export function isReviewField(kind: SyncKind, field: string): boolean {
  if (REVIEW_FIELDS[kind]?.includes(field)) return true;
  return field === 'status' || /Date$/.test(field) || /Yen$/.test(field) || /[aA]mount/.test(field);
}

type Relation = 'same' | 'a' | 'b' | 'concurrent';

/** Which stamp supersedes the other: the one whose history holds the other's stamp; else both changed it. */
function relate(a: FieldStamp, b: FieldStamp): Relation {
  if (a.at === b.at) return 'same';
  if (a.h.includes(b.at)) return 'a';
  if (b.h.includes(a.at)) return 'b';
  return 'concurrent';
}

/** A stamp that supersedes both: the later one, with the earlier in its history. */
function joinStamps(winner: FieldStamp, loser: FieldStamp): FieldStamp {
  const h = [...new Set([loser.at, ...winner.h, ...loser.h])].sort((x, y) => compareHlc(y, x)).slice(0, STAMP_HISTORY);
  return { at: winner.at, by: winner.by, h };
}

function side(value: unknown, s: FieldStamp): ReviewSide {
  return { value, at: s.at, by: s.by };
}

function reviewKey(r: ReviewItem): string {
  return `${r.field}\u0000${r.sides[0].at}\u0000${r.sides[1].at}`;
}

function orderedItem(field: string, x: ReviewSide, y: ReviewSide): ReviewItem {
  return { field, sides: compareHlc(x.at, y.at) <= 0 ? [x, y] : [y, x] };
}

export interface MergeResult {
  /** The merged revision's content (the caller sets _id, _rev, author and replica). */
  data: Record<string, unknown>;
  stamps: Record<string, FieldStamp>;
  removed: FieldStamp | null;
  /** Every open review item of the record: the ones both sides already had, and the new ones. */
  review: ReviewItem[];
  /** Review items this merge added. */
  added: ReviewItem[];
}

/** The latest change in `doc` that `other` has not seen, if any. */
function latestUnseenChange(doc: RecordDoc, other: RecordDoc): FieldStamp | null {
  let latest: FieldStamp | null = null;
  for (const [f, s] of Object.entries(doc.stamps)) {
    const o = other.stamps[f];
    const unseen = !o || relate(s, o) === 'a' || relate(s, o) === 'concurrent';
    if (unseen && (!latest || compareHlc(s.at, latest.at) > 0)) latest = s;
  }
  return latest;
}

/** Merges two revisions of the same record; symmetric in its arguments. */
export function mergeRevisions(a: RecordDoc, b: RecordDoc): MergeResult {
  if (a._id !== b._id) throw new Error(`Cannot merge ${a._id} with ${b._id}`);
  const kind = a.type;
  const data: Record<string, unknown> = {};
  const stamps: Record<string, FieldStamp> = {};
  const added: ReviewItem[] = [];
  const fields = [...new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)])].sort();
  for (const f of fields) {
    const sa = a.stamps[f];
    const sb = b.stamps[f];
    const take = (doc: RecordDoc, s: FieldStamp) => {
      stamps[f] = s;
      if (Object.hasOwn(doc.data, f)) data[f] = doc.data[f];
    };
    if (!sa || !sb) {
      take(sa ? a : b, (sa ?? sb)!);
      continue;
    }
    const rel = relate(sa, sb);
    if (rel === 'same' || rel === 'a') take(a, sa);
    else if (rel === 'b') take(b, sb);
    else {
      const aWins = compareHlc(sa.at, sb.at) > 0;
      const [wDoc, wStamp, lDoc, lStamp] = aWins ? [a, sa, b, sb] : [b, sb, a, sa];
      take(wDoc, joinStamps(wStamp, lStamp));
      if (isReviewField(kind, f) && !sameValue(a.data[f], b.data[f])) {
        added.push(orderedItem(f, side(wDoc.data[f] ?? null, wStamp), side(lDoc.data[f] ?? null, lStamp)));
      }
    }
  }

  // A removal meets edits the remover had not seen: keep the record and ask, rather than lose those edits.
  let removed: FieldStamp | null = null;
  if (a.removed && b.removed) removed = compareHlc(a.removed.at, b.removed.at) >= 0 ? joinStamps(a.removed, b.removed) : joinStamps(b.removed, a.removed);
  else if (a.removed || b.removed) {
    const [gone, kept] = a.removed ? [a, b] : [b, a];
    const unseen = latestUnseenChange(kept, gone);
    if (unseen) added.push(orderedItem(REMOVED_FIELD, side(true, gone.removed!), side(false, unseen)));
    else removed = gone.removed;
  }

  // An item someone resolved on one branch stays closed when it meets a branch that still has it open (another
  // desktop's copy of the same merge): the field's merged stamp then supersedes both sides.
  const settled = (r: ReviewItem): boolean => {
    const st = r.field === REMOVED_FIELD ? undefined : stamps[r.field];
    return st !== undefined && r.sides.every((x) => x.at !== st.at && st.h.includes(x.at));
  };
  const review: ReviewItem[] = [];
  const seen = new Set<string>();
  for (const r of [...a.review, ...b.review, ...added]) {
    const k = reviewKey(r);
    if (!seen.has(k) && !settled(r)) review.push(r);
    seen.add(k);
  }
  review.sort((x, y) => (reviewKey(x) < reviewKey(y) ? -1 : reviewKey(x) > reviewKey(y) ? 1 : 0));
  return { data, stamps, removed, review, added };
}

/** Folds any number of conflicting revisions (CouchDB's winner and its `_conflicts`) into one. */
export function mergeAll(docs: readonly RecordDoc[]): MergeResult {
  if (docs.length === 0) throw new Error('Nothing to merge');
  // Order by revision id first so the fold is the same on every replica.
  const sorted = [...docs].sort((x, y) => ((x._rev ?? '') < (y._rev ?? '') ? -1 : (x._rev ?? '') > (y._rev ?? '') ? 1 : 0));
  let acc: RecordDoc = sorted[0]!;
  let added: ReviewItem[] = [];
  for (const next of sorted.slice(1)) {
    const m = mergeRevisions(acc, next);
    added = [...added, ...m.added];
    acc = { ...acc, data: m.data, stamps: m.stamps, removed: m.removed, review: m.review, schema: SYNC_SCHEMA_VERSION };
  }
  return { data: acc.data, stamps: acc.stamps, removed: acc.removed, review: acc.review, added };
}

/**
 * Someone chose a value for a field under review: the value is written with a new stamp that supersedes both sides,
 * and the field's review items close. For REMOVED_FIELD, `value` true removes the record, false keeps it.
 */
export function resolveReview(doc: RecordDoc, field: string, value: unknown, at: string, by: string): RecordDoc {
  const items = doc.review.filter((r) => r.field === field);
  if (items.length === 0) throw new Error(`No review item for ${field}`);
  const history = [...new Set([...(doc.stamps[field] ? [doc.stamps[field].at, ...doc.stamps[field].h] : []), ...items.flatMap((r) => r.sides.map((s) => s.at))])]
    .sort((x, y) => compareHlc(y, x))
    .slice(0, STAMP_HISTORY);
  const stamp: FieldStamp = { at, by, h: history };
  const review = doc.review.filter((r) => r.field !== field);
  if (field === REMOVED_FIELD) return { ...doc, author: by, removed: value === true ? stamp : null, review };
  return { ...doc, author: by, data: { ...doc.data, [field]: value }, stamps: { ...doc.stamps, [field]: stamp }, review };
}

// Field-by-field merge of conflicting revisions: different fields merge; the same amount, status or date changed on
// both sides goes to review with both values and who set them; the result is the same whichever replica merges.
import { describe, expect, it } from 'vitest';
import { isReviewField, mergeAll, mergeRevisions, resolveReview } from '../../../shared/sync/merge';
import type { RecordDoc } from '../../../shared/sync/sync-docs';
import { REMOVED_FIELD, removalDoc } from '../../../shared/sync/sync-docs';
import { makeLine, makeProject } from '../portfolio/fixtures';
import { receive, replica } from './fixtures';

const HOUR = 3_600_000;

/** A record both replicas have, then one edit each while offline. */
function diverge(kind: 'project' | 'budgetLine', record: object, editA: object, editB: object, opts: { aheadA?: number } = {}) {
  const alice = replica('alice', 'ra');
  const bob = replica('bob', 'rb');
  const base = alice.write(kind, record, null);
  receive(bob, base);
  if (opts.aheadA) alice.advance(opts.aheadA);
  alice.advance(60_000);
  bob.advance(120_000);
  const a = alice.write(kind, { ...record, ...editA }, base);
  const b = bob.write(kind, { ...record, ...editB }, base);
  return { alice, bob, base, a, b };
}

const asDoc = (base: RecordDoc, m: ReturnType<typeof mergeRevisions>): RecordDoc => ({ ...base, data: m.data, stamps: m.stamps, removed: m.removed, review: m.review });

describe('mergeRevisions', () => {
  it('takes each side’s changes to different fields, and is symmetric', () => {
    const { a, b } = diverge('project', makeProject('p1'), { title: 'Alice title', endDate: '2029-03-31' }, { notes: 'Bob note', tags: ['bob'] });
    const m = mergeRevisions(a, b);
    expect(m.data).toEqual(makeProject('p1', { title: 'Alice title', endDate: '2029-03-31', notes: 'Bob note', tags: ['bob'] }));
    expect(m.review).toEqual([]);
    expect(m.stamps.title).toEqual(a.stamps.title);
    expect(m.stamps.notes).toEqual(b.stamps.notes);
    expect(mergeRevisions(b, a)).toEqual(m);
  });

  it('sends the same amount changed on both sides to review with both values and who set them', () => {
    const { a, b } = diverge('budgetLine', makeLine('p1', 2025, 1_000_000), { directYen: 1_200_000 }, { directYen: 900_000, indirectYen: 5 });
    const m = mergeRevisions(a, b);
    expect(m.added).toHaveLength(1);
    expect(m.review).toEqual([
      {
        field: 'directYen',
        sides: [
          { value: 1_200_000, at: a.stamps.directYen!.at, by: 'alice' },
          { value: 900_000, at: b.stamps.directYen!.at, by: 'bob' },
        ],
      },
    ]);
    // Meanwhile the later change shows, and Bob's other change merges as usual.
    expect(m.data.directYen).toBe(900_000);
    expect(m.data.indirectYen).toBe(5);
    expect(mergeRevisions(b, a)).toEqual(m);
  });

  it('sends a status and a date changed on both sides to review, but not the same value set twice', () => {
    const { a, b } = diverge('project', makeProject('p1'), { status: 'completed', endDate: '2027-03-31' }, { status: 'terminated', endDate: '2027-03-31' });
    const m = mergeRevisions(a, b);
    expect(m.review.map((r) => r.field)).toEqual(['status']);
    expect(m.review[0]!.sides.map((s) => [s.value, s.by])).toEqual([
      ['completed', 'alice'],
      ['terminated', 'bob'],
    ]);
  });

  it('settles a text field both changed by the later stamp, keeping the earlier stamp in its history', () => {
    const { a, b } = diverge('project', makeProject('p1'), { title: 'A' }, { title: 'B' });
    const m = mergeRevisions(a, b);
    expect(m.data.title).toBe('B');
    expect(m.review).toEqual([]);
    expect(m.stamps.title!.h).toContain(a.stamps.title!.at);
  });

  it('a desktop hours fast wins a concurrent text edit, but not a change its colleague made after seeing it', () => {
    const { alice, bob, a } = diverge('project', makeProject('p1'), { title: 'fast' }, {}, { aheadA: 4 * HOUR });
    receive(bob, a);
    bob.advance(1000);
    const b2 = bob.write('project', { ...a.data, title: 'after seeing it' }, a);
    alice.advance(1000);
    const a2 = alice.write('project', { ...a.data, notes: 'still offline' }, a);
    const m = mergeRevisions(a2, b2);
    expect(m.data.title).toBe('after seeing it');
    expect(m.data.notes).toBe('still offline');
  });

  it('does not ask when only one side changed a review field, even several times', () => {
    const alice = replica('alice', 'ra');
    const bob = replica('bob', 'rb');
    const base = alice.write('budgetLine', makeLine('p1', 2025, 100), null);
    receive(bob, base);
    let a = base;
    for (const yen of [200, 300, 400]) {
      alice.advance(10);
      a = alice.write('budgetLine', { ...a.data, directYen: yen }, a);
    }
    bob.advance(50);
    const b = bob.write('budgetLine', { ...base.data, indirectYen: 1 }, base);
    const m = mergeRevisions(a, b);
    expect(m.review).toEqual([]);
    expect(m.data).toMatchObject({ directYen: 400, indirectYen: 1 });
  });

  it('a merged revision supersedes both sides, so merging again adds nothing', () => {
    const { a, b } = diverge('budgetLine', makeLine('p1', 2025, 100), { directYen: 1 }, { directYen: 2 });
    const merged = asDoc(a, mergeRevisions(a, b));
    const again = mergeRevisions(merged, b);
    expect(again.added).toEqual([]);
    expect(again.data).toEqual(merged.data);
    expect(again.review).toEqual(merged.review);
  });

  it('keeps a record removed on one side while edited on the other, and asks', () => {
    const { alice, a, b } = diverge('project', makeProject('p1'), {}, { title: 'edited' });
    const gone = removalDoc(a, alice.clock.next(), 'alice', 'ra');
    const m = mergeRevisions(gone, b);
    expect(m.removed).toBeNull();
    expect(m.data.title).toBe('edited');
    expect(m.review).toHaveLength(1);
    expect(m.review[0]!.field).toBe(REMOVED_FIELD);
    expect(m.review[0]!.sides.map((s) => [s.value, s.by])).toEqual([
      [true, 'alice'],
      [false, 'bob'],
    ]);
  });

  it('removes a record whose other side has no unseen edits', () => {
    const alice = replica('alice', 'ra');
    const base = alice.write('project', makeProject('p1'), null);
    const gone = removalDoc(base, alice.clock.next(), 'alice', 'ra');
    expect(mergeRevisions(base, gone).removed).toEqual(gone.removed);
  });

  it('refuses to merge two different records', () => {
    const alice = replica('alice', 'ra');
    expect(() => mergeRevisions(alice.write('project', makeProject('p1'), null), alice.write('project', makeProject('p2'), null))).toThrow();
  });
});

describe('mergeAll', () => {
  it('gives the same result whatever order the conflicts arrive in', () => {
    const alice = replica('alice', 'ra');
    const bob = replica('bob', 'rb');
    const carol = replica('carol', 'rc');
    const base = alice.write('budgetLine', makeLine('p1', 2025, 100), null);
    receive(bob, base);
    receive(carol, base);
    bob.advance(15);
    carol.advance(9);
    alice.advance(7);
    const docs = [alice.write('budgetLine', { ...base.data, directYen: 1 }, base), bob.write('budgetLine', { ...base.data, directYen: 2 }, base), carol.write('budgetLine', { ...base.data, indirectYen: 3 }, base)];
    const m = mergeAll(docs);
    expect(mergeAll([...docs].reverse())).toEqual(m);
    expect(m.data).toMatchObject({ directYen: 2, indirectYen: 3 });
    expect(m.review.map((r) => r.sides.map((s) => s.value))).toEqual([[1, 2]]);
  });
});

describe('resolveReview', () => {
  it('writes the chosen value with a stamp that supersedes both sides and closes the item', () => {
    const { alice, a, b } = diverge('budgetLine', makeLine('p1', 2025, 100), { directYen: 1 }, { directYen: 2 });
    const merged = asDoc(a, mergeRevisions(a, b));
    receive(alice, b);
    const resolved = resolveReview(merged, 'directYen', 1, alice.clock.next(), 'alice');
    expect(resolved.review).toEqual([]);
    expect(resolved.data.directYen).toBe(1);
    const m = mergeRevisions(resolved, b);
    expect(m.data.directYen).toBe(1);
    expect(m.added).toEqual([]);
    expect(() => resolveReview(resolved, 'directYen', 1, alice.clock.next(), 'alice')).toThrow();
  });

  it('a resolution meeting another copy of the merge that still has the item open keeps it closed', () => {
    const { alice, bob, a, b } = diverge('budgetLine', makeLine('p1', 2025, 100), { directYen: 1 }, { directYen: 2 });
    // Both desktops merged the same conflict (each its own revision); Alice then resolves hers.
    const mergedA = asDoc(a, mergeRevisions(a, b));
    const mergedB = { ...asDoc(b, mergeRevisions(b, a)), _rev: '9-bob' };
    receive(alice, b);
    receive(bob, a);
    const resolved = resolveReview(mergedA, 'directYen', 2, alice.clock.next(), 'alice');
    for (const m of [mergeRevisions(resolved, mergedB), mergeRevisions(mergedB, resolved)]) {
      expect(m.review).toEqual([]);
      expect(m.data.directYen).toBe(2);
    }
    // While nobody has chosen, the item stays open through any number of merges.
    expect(mergeRevisions(mergedA, mergedB).review).toHaveLength(1);
  });

  it('resolves a removal question either way', () => {
    const { alice, a, b } = diverge('project', makeProject('p1'), {}, { title: 'edited' });
    const gone = removalDoc(a, alice.clock.next(), 'alice', 'ra');
    const merged = asDoc(b, mergeRevisions(gone, b));
    expect(resolveReview(merged, REMOVED_FIELD, true, alice.clock.next(), 'alice').removed).not.toBeNull();
    expect(resolveReview(merged, REMOVED_FIELD, false, alice.clock.next(), 'alice').removed).toBeNull();
  });
});

describe('isReviewField', () => {
  it('covers amounts, statuses and dates of every kind, not free text', () => {
    expect(isReviewField('project', 'status')).toBe(true);
    expect(isReviewField('project', 'programId')).toBe(true);
    expect(isReviewField('budgetLine', 'fiscalYear')).toBe(true);
    expect(isReviewField('application', 'requestedYen')).toBe(true);
    expect(isReviewField('application', 'submissionDate')).toBe(true);
    expect(isReviewField('application', 'requestedAmount')).toBe(true);
    // The planning tables' own names (shared/domain/planning.ts).
    expect(isReviewField('application', 'requested')).toBe(true);
    expect(isReviewField('application', 'eradDeadline')).toBe(true);
    expect(isReviewField('trackedCall', 'deadline')).toBe(true);
    expect(isReviewField('membership', 'effort')).toBe(true);
    expect(isReviewField('trackedCall', 'name')).toBe(false);
    expect(isReviewField('project', 'title')).toBe(false);
    expect(isReviewField('researcher', 'name')).toBe(false);
  });
});

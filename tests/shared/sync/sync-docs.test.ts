// Record ↔ document mapping: stable ids, stamps kept for unchanged fields and renewed (with history) for changed ones,
// removals that keep the data, audit entries keyed by replica and local sequence.
import { describe, expect, it } from 'vitest';
import { STAMP_HISTORY, auditDocId, auditToDoc, docStamps, docToRecord, parseDocId, recordDocId, recordToDoc, removalDoc, sameValue } from '../../../shared/sync/sync-docs';
import { makeLine, makeProject } from '../portfolio/fixtures';
import { replica } from './fixtures';

describe('document ids', () => {
  it('keep the record key, the kind apart, and parse back', () => {
    expect(recordDocId('project', 'p-1')).toBe('project:p-1');
    expect(parseDocId('project:p-1')).toEqual({ type: 'project', key: 'p-1' });
    expect(parseDocId('settings:office:name')).toEqual({ type: 'settings', key: 'office:name' });
    expect(parseDocId(auditDocId('desk-a', 42))).toEqual({ type: 'audit', replica: 'desk-a', seq: 42 });
    for (const bad of ['p-1', ':x', 'project:', 'unknown:x', '_design/x', 'audit:desk-a:42', 'audit:a b:0000000001']) expect(parseDocId(bad)).toBeNull();
  });
});

describe('recordToDoc', () => {
  it('stamps every field of a new record, and only the changed fields of an update', () => {
    const alice = replica('alice', 'ra');
    const first = alice.write('project', makeProject('p1'), null);
    expect(first._id).toBe('project:p1');
    expect(first.author).toBe('alice');
    expect(Object.keys(first.stamps).sort()).toEqual(Object.keys(makeProject('p1')).sort());
    alice.advance(1000);
    const second = alice.write('project', makeProject('p1', { title: 'new', tags: ['x'] }), first);
    expect(second._id).toBe(first._id);
    expect(second._rev).toMatch(/^2-/);
    expect(second.stamps.code).toEqual(first.stamps.code);
    expect(second.stamps.title!.at > first.stamps.title!.at).toBe(true);
    expect(second.stamps.title!.h).toEqual([first.stamps.title!.at]);
    expect(second.stamps.tags!.by).toBe('alice');
  });

  it('stamps a dropped field and keeps at most STAMP_HISTORY earlier stamps', () => {
    const bob = replica('bob', 'rb');
    let doc = bob.write('settings', { key: 'office.name', value: 'URA' }, null);
    for (let i = 0; i < STAMP_HISTORY + 3; i++) {
      bob.advance(10);
      doc = bob.write('settings', { key: 'office.name', value: `URA ${i}` }, doc);
    }
    expect(doc.stamps.value!.h).toHaveLength(STAMP_HISTORY);
    bob.advance(10);
    const dropped = bob.write('settings', { key: 'office.name' }, doc);
    expect(dropped.data).not.toHaveProperty('value');
    expect(dropped.stamps.value!.at > doc.stamps.value!.at).toBe(true);
  });

  it('refuses a record without its key and a stamp older than the previous one', () => {
    expect(() => recordToDoc({ kind: 'budgetLine', record: { projectId: 'p' }, previous: null, at: 'x', by: 'a', replica: 'r' })).toThrow(/needs a string id/);
    const alice = replica('alice', 'ra');
    const doc = alice.write('budgetLine', makeLine('p1', 2025, 100), null);
    expect(() => recordToDoc({ kind: 'budgetLine', record: makeLine('p1', 2025, 200), previous: doc, at: doc.stamps.directYen!.h[0] ?? '000000000000000:000000:ra', by: 'alice', replica: 'ra' })).toThrow(/backwards/);
  });

  it('removal keeps the data and a stamp; the record reads back as removed', () => {
    const alice = replica('alice', 'ra');
    const doc = alice.write('project', makeProject('p1'), null);
    const gone = removalDoc(doc, alice.clock.next(), 'alice', 'ra');
    expect(gone.data).toEqual(doc.data);
    expect(docToRecord(gone)).toMatchObject({ kind: 'project', key: 'p1', removed: true, author: 'alice' });
    expect(docStamps(gone)).toContain(gone.removed!.at);
    const back = alice.write('project', makeProject('p1'), gone);
    expect(back.removed).toBeNull();
  });
});

describe('audit documents', () => {
  it('carry the entry without its local sequence, under an id that names the replica', () => {
    const doc = auditToDoc(
      { seq: 7, at: '2026-04-01T00:00:00Z', user: 'alice', entity: 'project', entityId: 'p1', projectId: 'p1', action: 'update', summary: 's', before: { a: 1 }, after: { a: 2 }, undoneSeq: 3 },
      'ra',
      'alice',
      auditDocId('ra', 3),
    );
    expect(doc._id).toBe('audit:ra:0000000007');
    expect(doc.entry).not.toHaveProperty('seq');
    expect(doc.entry).not.toHaveProperty('undoneSeq');
    expect(doc.entry.undoneId).toBe('audit:ra:0000000003');
  });
});

describe('sameValue', () => {
  it('compares JSON values structurally', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: null }, { a: 0 })).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});

// The gate for incoming sync documents: well-formed documents of every kind pass typed; anything malformed, forged
// against its own id, from a newer layout or carrying prototype keys is refused with the problems listed.
import { describe, expect, it } from 'vitest';
import { parseSyncDoc } from '../../../shared/sync/sync-gate';
import { auditToDoc, removalDoc } from '../../../shared/sync/sync-docs';
import { makeLine, makeMilestone, makeProject } from '../portfolio/fixtures';
import { replica } from './fixtures';

const alice = replica('alice', 'ra');
const project = alice.write('project', makeProject('p1'), null);
const audit = auditToDoc({ seq: 3, at: '2026-04-01T00:00:00Z', user: 'alice', entity: 'project', entityId: 'p1', projectId: 'p1', action: 'create', summary: 'created', before: null, after: { id: 'p1' } }, 'ra', 'alice');
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function problems(input: unknown): string[] {
  const r = parseSyncDoc(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseSyncDoc accepts', () => {
  it('record documents of every kind and their removals', () => {
    const docs = [
      project,
      removalDoc(project, alice.clock.next(), 'alice', 'ra'),
      alice.write('budgetLine', makeLine('p1', 2025, 100), null),
      alice.write('milestone', makeMilestone('m1', 'p1'), null),
      alice.write('template', { id: 't1', kind: 'annual-report', title: '年次報告', month: 5, day: 31, programId: null }, null),
      alice.write('researcher', { id: 'r1', name: '山田' }, null),
      alice.write('membership', { id: 'm1', researcherId: 'r1', applicationId: 'a1' }, null),
      alice.write('application', { id: 'a1', requestedYen: 1000 }, null),
      alice.write('program', { id: 'office-1', name: '学内' }, null),
      alice.write('settings', { key: 'office.name', value: { ja: '研究推進課' } }, null),
    ];
    for (const d of docs) expect(problems(JSON.parse(JSON.stringify(d)))).toEqual([]);
    const r = parseSyncDoc(clone(project));
    expect(r.ok && r.doc._id).toBe('project:p1');
  });

  it('audit documents', () => {
    expect(problems(clone(audit))).toEqual([]);
  });
});

describe('parseSyncDoc refuses', () => {
  it('what is not a document or not ours', () => {
    expect(problems(null)).toHaveLength(1);
    expect(problems([project])).toHaveLength(1);
    expect(problems({ ...clone(project), _id: 'project' })[0]).toMatch(/_id/);
    expect(problems({ ...clone(project), _id: '_design/x' })[0]).toMatch(/_id/);
    expect(problems({ ...clone(project), type: 'budgetLine' })[0]).toMatch(/type does not match/);
  });

  it('a document from a newer layout', () => {
    expect(problems({ ...clone(project), schema: 99 })[0]).toMatch(/newer version/);
  });

  it('a record whose key does not match its id, or a field without a stamp', () => {
    expect(problems({ ...clone(project), data: { ...clone(project).data, id: 'p2' } })).toEqual([expect.stringMatching(/^data\.id: does not match/)]);
    const unstamped = clone(project);
    delete (unstamped.stamps as Record<string, unknown>).title;
    expect(problems(unstamped)).toEqual(['stamps.title: field has no stamp']);
  });

  it('an invalid row, reusing the backup’s row rules', () => {
    expect(problems({ ...clone(project), data: { ...clone(project).data, status: 'lost' } })[0]).toMatch(/^data\.status/);
    const line = clone(alice.write('budgetLine', makeLine('p1', 2025, 100), null));
    expect(problems({ ...line, data: { ...line.data, directYen: -5 } })[0]).toMatch(/^data\.directYen/);
  });

  it('bad stamps, authors, replicas and review items', () => {
    const bad = clone(project);
    bad.stamps.title!.at = '2026-04-01';
    expect(problems(bad)[0]).toMatch(/stamps\.title\.at/);
    expect(problems({ ...clone(project), author: '' })[0]).toMatch(/author/);
    expect(problems({ ...clone(project), replica: 'a b' })[0]).toMatch(/replica/);
    const review = { field: 'nosuch', sides: [{ value: 1, at: project.stamps.title!.at, by: 'a' }, { value: 2, at: project.stamps.code!.at, by: 'b' }] };
    expect(problems({ ...clone(project), review: [review] })).toEqual(['review.nosuch: review of an unknown field']);
  });

  it('prototype keys anywhere', () => {
    const poisoned = JSON.parse(JSON.stringify(project).replace('"title":"', '"__proto__":{"polluted":true},"title":"')) as unknown;
    expect(problems(poisoned)[0]).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an audit entry filed under another replica or with an unknown action', () => {
    expect(problems({ ...clone(audit), replica: 'rb' })[0]).toMatch(/does not match its replica/);
    expect(problems({ ...clone(audit), entry: { ...clone(audit).entry, action: 'rewrite' } })[0]).toMatch(/entry\.action/);
  });
});

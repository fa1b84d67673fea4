// The pure rules behind the stored counts by status: what a write changes, and when counts become unknown.
import { describe, expect, it } from 'vitest';
import { addChange, applyDelta, countByStatus, readCounters, sameCounts, zeroCounts } from '../../../shared/portfolio/status-counts';

describe('status counts', () => {
  it('counts inserts, status changes, moves to and from the trash, and deletes', () => {
    const d = zeroCounts();
    addChange(d, null, { status: 'active', deletedAt: null });
    addChange(d, { status: 'active', deletedAt: null }, { status: 'completed', deletedAt: null });
    addChange(d, null, { status: 'applying', deletedAt: null });
    addChange(d, { status: 'applying', deletedAt: null }, { status: 'applying', deletedAt: '2025-01-01T00:00:00Z' });
    addChange(d, { status: 'completed', deletedAt: '2025-01-01T00:00:00Z' }, undefined);
    expect(d).toEqual({ applying: 0, active: 0, completed: 1, terminated: 0 });
    expect(applyDelta({ applying: 2, active: 0, completed: 0, terminated: 0 }, d)).toEqual({ applying: 2, active: 0, completed: 1, terminated: 0 });
  });

  it('gives unknown for an unknown base or an impossible result', () => {
    const d = zeroCounts();
    addChange(d, { status: 'active' }, undefined);
    expect(applyDelta(null, d)).toBeNull();
    expect(applyDelta(zeroCounts(), d)).toBeNull();
  });

  it('reads stored values defensively', () => {
    expect(readCounters(undefined)).toBeNull();
    expect(readCounters({ revision: -1, byStatus: null })).toBeNull();
    expect(readCounters({ revision: 3, byStatus: { applying: 1, active: 'x' } })).toEqual({ revision: 3, byStatus: null });
    expect(readCounters({ revision: 3, byStatus: { applying: 1, active: 2, completed: 0, terminated: 0 } })).toEqual({ revision: 3, byStatus: { applying: 1, active: 2, completed: 0, terminated: 0 } });
  });

  it('counts a list the slow way and compares', () => {
    const c = countByStatus([{ status: 'active', deletedAt: null }, { status: 'active', deletedAt: 'x' }, { status: 'terminated' }]);
    expect(c).toEqual({ applying: 0, active: 1, completed: 0, terminated: 1 });
    expect(sameCounts(c, { ...c })).toBe(true);
    expect(sameCounts(c, zeroCounts())).toBe(false);
    expect(sameCounts(null, null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { amountForInput, parseAmountInput } from '../../../shared/portfolio/amount-input';
import { normalizeProjectInput, validateProject } from '../../../shared/portfolio/project-validation';
import { deadlineBucket, dueWithin, milestonesToEvents } from '../../../shared/portfolio/deadlines';
import { MILESTONE_KIND_LABELS } from '../../../shared/domain/labels';
import { makeMilestone, makeProject } from './fixtures';

describe('amount input', () => {
  it('reads commas, full-width digits, decimals in larger units and unit words', () => {
    expect(parseAmountInput('1,234', 'yen')).toEqual({ ok: true, yen: 1234 });
    expect(parseAmountInput('１，２３４', 'thousand')).toEqual({ ok: true, yen: 1_234_000 });
    expect(parseAmountInput('1.5', 'million')).toEqual({ ok: true, yen: 1_500_000 });
    expect(parseAmountInput('2百万円', 'yen')).toEqual({ ok: true, yen: 2_000_000 });
    // A blank box is no figure, never 0: the form asks for an amount.
    expect(parseAmountInput('', 'yen')).toMatchObject({ ok: false, message: { en: 'Enter an amount (0 if there is none).' } });
    expect(parseAmountInput('0', 'yen')).toEqual({ ok: true, yen: 0 });
    expect(parseAmountInput('-5', 'yen').ok).toBe(false);
    expect(parseAmountInput('abc', 'yen').ok).toBe(false);
    expect(amountForInput(1_500_000, 'million')).toBe('1.5');
  });
});

describe('project validation', () => {
  const input = () => {
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, archived: _a, ...rest } = makeProject('x');
    return rest;
  };
  it('accepts a valid project and trims it', () => {
    const n = normalizeProjectInput({ ...input(), code: ' Ａ-1 ', tags: ['a', 'a', ' '] });
    expect(n.code).toBe('A-1');
    expect(n.tags).toEqual(['a']);
    expect(validateProject(n, { codeTaken: () => false })).toEqual([]);
  });
  it('refuses a duplicate code, end before start, a missing title and an unmapped project without funder', () => {
    const problems = validateProject({ ...input(), title: '', endDate: '2025-03-31', funderName: '' }, { codeTaken: () => true });
    expect(problems.map((p) => p.field).sort()).toEqual(['code', 'endDate', 'funderName', 'title']);
    expect(problems.find((p) => p.field === 'code')!.message.ja).toContain('既に使われています');
  });
  it('checks catalog references when asked', () => {
    const problems = validateProject({ ...input(), programId: 'nope', trackId: 't' }, { codeTaken: () => false, knownProgram: () => false, trackBelongs: () => false });
    expect(problems.map((p) => p.field)).toEqual(['programId', 'trackId']);
  });
});

describe('deadlines', () => {
  it('buckets due dates around today', () => {
    expect(deadlineBucket('2025-11-27', '2025-11-28')).toBe('overdue');
    expect(deadlineBucket('2025-12-28', '2025-11-28')).toBe('next30');
    expect(deadlineBucket('2025-12-29', '2025-11-28')).toBe('next60');
    expect(deadlineBucket('2026-02-26', '2025-11-28')).toBe('next90');
    expect(deadlineBucket('2026-02-27', '2025-11-28')).toBe('later');
  });
  it('selects open items due soon and maps them to calendar events with the project code', () => {
    const ms = [makeMilestone('a', 'p', { dueDate: '2025-12-01' }), makeMilestone('b', 'p', { dueDate: '2025-12-01', status: 'done' }), makeMilestone('c', 'p', { dueDate: '2026-12-01' })];
    expect(dueWithin(ms, '2025-11-28', 14).map((m) => m.id)).toEqual(['a']);
    const events = milestonesToEvents([ms[0]!], new Map([['p', makeProject('p', { code: 'A-2025-001' })]]));
    expect(events[0]).toMatchObject({ id: 'a', date: '2025-12-01', summary: '[A-2025-001] a', categories: ['A-2025-001', MILESTONE_KIND_LABELS[ms[0]!.kind].ja] });
    expect(milestonesToEvents([ms[0]!], new Map(), 'en')[0]!.categories).toEqual([MILESTONE_KIND_LABELS[ms[0]!.kind].en]);
  });
});

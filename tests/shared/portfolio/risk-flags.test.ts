import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { computeRiskFlags, milestoneFacts } from '../../../shared/portfolio/risk-flags';
import type { RiskKind } from '../../../shared/portfolio/risk-flags';
import { makeLine, makeMilestone, makeProject } from './fixtures';

const programs = BUILTIN_CATALOG.programs;
const today = '2025-11-28';
const kinds = (flags: { projectId: string; kind: RiskKind }[], id: string) => flags.filter((f) => f.projectId === id).map((f) => f.kind);

describe('risk flags', () => {
  it('flags a B-cure project running past the program period (FY2025) but not one ending in it', () => {
    const late = makeProject('late', { programId: 'b-cure', endDate: '2028-03-31' });
    const fine = makeProject('fine', { programId: 'b-cure', endDate: '2026-03-31' });
    const flags = computeRiskFlags({
      projects: [late, fine], budgetLines: [makeLine('late', 2025, 1000), makeLine('fine', 2025, 1000)],
      milestones: [makeMilestone('m1', 'late'), makeMilestone('m2', 'fine')], programs, today,
    });
    expect(kinds(flags, 'late')).toEqual(['past-program-period']);
    expect(kinds(flags, 'fine')).toEqual([]);
    expect(flags[0]!.message.ja).toContain('令和7年度');
    expect(flags[0]!.message.en).toContain('FY2027');
  });

  it('flags overdue stage gates until they are passed or submitted', () => {
    const p = makeProject('p');
    const base = { projects: [p], budgetLines: [makeLine('p', 2025, 1000)], programs, today };
    const gate = makeMilestone('g', 'p', { kind: 'stage-gate', dueDate: '2025-11-27' });
    expect(kinds(computeRiskFlags({ ...base, milestones: [gate] }), 'p')).toEqual(['overdue-stage-gate']);
    expect(kinds(computeRiskFlags({ ...base, milestones: [{ ...gate, dueDate: today }] }), 'p')).toEqual([]);
    expect(kinds(computeRiskFlags({ ...base, milestones: [{ ...gate, status: 'passed' }] }), 'p')).toEqual([]);
  });

  it('flags a missing current-year budget, indirect over 30% and no milestones', () => {
    const p = makeProject('p');
    const flags = computeRiskFlags({ projects: [p], budgetLines: [makeLine('p', 2026, 1000, 301)], milestones: [], programs, today });
    expect(kinds(flags, 'p')).toEqual(['no-budget-current-fy', 'indirect-over-30', 'no-milestones']);
    // Exactly 30% (floor) is fine; a project not running this fiscal year needs no budget for it.
    const q = makeProject('q', { startDate: '2026-04-01', endDate: '2027-03-31' });
    expect(kinds(computeRiskFlags({ projects: [q], budgetLines: [makeLine('q', 2026, 1001, 300)], milestones: [makeMilestone('m', 'q')], programs, today }), 'q')).toEqual([]);
  });

  it('ignores projects in the trash, archived ones, and activity flags of finished projects', () => {
    const trashed = makeProject('t', { programId: 'b-cure', deletedAt: '2025-11-01T00:00:00Z' });
    const archived = makeProject('a', { archived: true });
    const done = makeProject('d', { status: 'completed' });
    expect(computeRiskFlags({ projects: [trashed, archived, done], budgetLines: [], milestones: [], programs, today })).toEqual([]);
  });

  it('take the milestone facts as an explicit input, with the same verdicts as the full list', () => {
    const p = makeProject('p');
    const q = makeProject('q');
    const base = { projects: [p, q], budgetLines: [makeLine('p', 2025, 1000), makeLine('q', 2025, 1000)], programs, today };
    const ms = [makeMilestone('g', 'p', { kind: 'stage-gate', dueDate: '2025-11-27' }), makeMilestone('o', 'p')];
    const facts = { stageGates: [ms[0]!], projectsWithMilestones: new Set(['p']) };
    expect(milestoneFacts(ms)).toEqual(facts);
    expect(computeRiskFlags({ ...base, milestoneFacts: facts })).toEqual(computeRiskFlags({ ...base, milestones: ms }));
    expect(kinds(computeRiskFlags({ ...base, milestoneFacts: facts }), 'q')).toEqual(['no-milestones']);
    // A project with only non-gate milestones has milestones: the facts say so without the rows.
    expect(kinds(computeRiskFlags({ ...base, milestoneFacts: { stageGates: [], projectsWithMilestones: new Set(['p', 'q']) } }), 'q')).toEqual([]);
  });
});

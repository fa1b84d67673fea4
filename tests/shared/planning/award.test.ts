import { describe, expect, it } from 'vitest';
import { awardApplication } from '../../../shared/planning/award';
import type { AwardInput } from '../../../shared/planning/award';
import { makeLine, makeProject } from '../portfolio/fixtures';
import { makeApplication, makeMembership } from './fixtures';

function input(patch: Partial<AwardInput> = {}): AwardInput {
  let n = 0;
  return {
    application: makeApplication('A1', { requested: [{ fiscalYear: 2026, directYen: 10_000_000, indirectYen: 3_000_000 }, { fiscalYear: 2027, directYen: 8_000_000, indirectYen: 2_400_000 }] }),
    linkedProject: null, linkedBudgetLines: [], memberships: [makeMembership('m1', 'R1', { applicationId: 'A1' }, { 2026: 20 })],
    resultDate: '2026-03-15', now: '2026-03-15T09:00:00Z', newId: () => `id${++n}`, projectCode: 'P-2026-001', ...patch,
  };
}

describe('awarding an application', () => {
  it('creates an active project with the requested lines and members, and keeps the application linked as history', () => {
    const r = awardApplication(input());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { application, project, budgetLines, memberships, projectIsNew } = r.changes;
    expect(projectIsNew).toBe(true);
    expect(project).toMatchObject({ code: 'P-2026-001', status: 'active', programId: 'next-gen-cancer', startDate: '2026-04-01', endDate: '2028-03-31' });
    expect(application).toMatchObject({ status: 'awarded', resultDate: '2026-03-15', projectId: project.id, requested: input().application.requested });
    expect(budgetLines.map((b) => [b.projectId, b.fiscalYear, b.directYen])).toEqual([[project.id, 2026, 10_000_000], [project.id, 2027, 8_000_000]]);
    expect(memberships).toEqual([expect.objectContaining({ projectId: project.id, applicationId: null, researcherId: 'R1', effort: [{ fiscalYear: 2026, percent: 20 }] })]);
    expect(memberships[0]!.id).not.toBe('m1');
  });
  it('turns a linked 申請中 project active and adds only the years it lacks', () => {
    const linked = makeProject('P9', { status: 'applying' });
    const r = awardApplication(input({ application: { ...input().application, projectId: 'P9' }, linkedProject: linked, linkedBudgetLines: [makeLine('P9', 2026, 9_000_000)] }));
    if (!r.ok) throw new Error('refused');
    expect(r.changes.projectIsNew).toBe(false);
    expect(r.changes.project).toMatchObject({ id: 'P9', status: 'active', code: linked.code });
    expect(r.changes.budgetLines.map((b) => b.fiscalYear)).toEqual([2027]);
  });
  it('refuses an application already awarded, rejected, withdrawn or in the trash', () => {
    for (const patch of [{ status: 'awarded' as const }, { status: 'rejected' as const }, { status: 'withdrawn' as const }, { deletedAt: '2026-01-01T00:00:00Z' }]) {
      const r = awardApplication(input({ application: makeApplication('A1', patch) }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.ja && r.message.en).toBeTruthy();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { researcherEffort } from '../../../shared/planning/effort';
import { makeProject } from '../portfolio/fixtures';
import { makeApplication, makeMembership, makeResearcher } from './fixtures';

const projects = [makeProject('P1'), makeProject('P2'), makeProject('P3'), makeProject('P4', { deletedAt: '2026-01-01T00:00:00Z' })];
const applications = [makeApplication('A1', { status: 'submitted' }), makeApplication('A2', { status: 'rejected' }), makeApplication('A3', { status: 'awarded' })];
const researchers = [makeResearcher('R1'), makeResearcher('R2'), makeResearcher('R3', { deletedAt: '2026-01-01T00:00:00Z' })];
const memberships = [
  makeMembership('m1', 'R1', { projectId: 'P1' }, { 2026: 40, 2027: 20 }),
  makeMembership('m2', 'R1', { projectId: 'P2' }, { 2026: 40 }),
  makeMembership('m3', 'R1', { projectId: 'P3' }, { 2026: 30 }),
  makeMembership('m4', 'R2', { projectId: 'P1' }, { 2026: 60 }),
  makeMembership('m5', 'R2', { applicationId: 'A1' }, { 2026: 30 }),
  makeMembership('m6', 'R2', { applicationId: 'A2' }, { 2026: 50 }),
  makeMembership('m7', 'R2', { applicationId: 'A3' }, { 2026: 50 }),
  makeMembership('m8', 'R2', { projectId: 'P4' }, { 2026: 50 }),
  makeMembership('m9', 'R3', { projectId: 'P1' }, { 2026: 200 }),
];

describe('researcher effort', () => {
  it('flags 40 % + 40 % + 30 % in one fiscal year as over 100 %', () => {
    const [r1] = researcherEffort({ researchers, memberships, projects, applications });
    expect(r1!.over100).toBe(true);
    expect(r1!.years.map((y) => [y.fiscalYear, y.totalPercent, y.over100])).toEqual([
      [2026, 110, true],
      [2027, 20, false],
    ]);
    expect(r1!.years[0]!.contributions.map((c) => c.recordId)).toEqual(['P1', 'P2', 'P3']);
  });
  it('adds pending applications, not decided ones nor the trash, and warns at the office threshold', () => {
    const out = researcherEffort({ researchers, memberships, projects, applications, thresholdPercent: 80 });
    const r2 = out.find((r) => r.researcherId === 'R2')!;
    expect(r2.years).toHaveLength(1);
    expect(r2.years[0]).toMatchObject({ projectPercent: 60, pendingPercent: 30, totalPercent: 90, over100: false, overThreshold: true });
    expect(r2.over100).toBe(false);
    expect(researcherEffort({ researchers, memberships, projects, applications, thresholdPercent: 95 }).find((r) => r.researcherId === 'R2')!.overThreshold).toBe(false);
    expect(out.map((r) => r.researcherId)).toEqual(['R1', 'R2']);
  });
  it('sums decimals without floating-point dust and does not flag exactly 100 %', () => {
    const ms = [makeMembership('a', 'R1', { projectId: 'P1' }, { 2026: 33.3 }), makeMembership('b', 'R1', { projectId: 'P2' }, { 2026: 33.3 }), makeMembership('c', 'R1', { projectId: 'P3' }, { 2026: 33.4 })];
    const [r] = researcherEffort({ researchers: [researchers[0]!], memberships: ms, projects, applications });
    expect(r!.years[0]).toMatchObject({ totalPercent: 100, over100: false });
  });
});

import { describe, expect, it } from 'vitest';
import { validateApplication, validateMembership, validateResearcher, validateTrackedCall } from '../../../shared/planning/planning-validation';
import type { TrackedCallInput } from '../../../shared/planning/planning-validation';
import { makeApplication, makeMembership, makeResearcher } from './fixtures';

const free = { codeTaken: () => false };
const fields = (ps: { field: string; severity: string }[]) => ps.map((p) => `${p.field}:${p.severity}`);

describe('application gate', () => {
  it('passes a complete application and names each problem in Japanese and English', () => {
    expect(validateApplication(makeApplication('a'), free)).toEqual([]);
    const ps = validateApplication(makeApplication('a', { code: ' ', title: '', callName: '', programId: null, funderName: '', eradDeadline: '2026-02-30', probabilityOverride: 1.2 }), free);
    expect(fields(ps)).toEqual(['code:error', 'title:error', 'funderName:error', 'eradDeadline:error', 'probabilityOverride:error']);
    for (const p of ps) expect(p.message.ja && p.message.en).toBeTruthy();
  });
  it('refuses a taken code, an unknown program, a foreign track and a year requested twice', () => {
    const ps = validateApplication(
      makeApplication('a', { trackId: 'x/y', requested: [{ fiscalYear: 2026, directYen: 1, indirectYen: 0 }, { fiscalYear: 2026, directYen: 2, indirectYen: 0 }, { fiscalYear: 2027, directYen: -1, indirectYen: 0 }] }),
      { codeTaken: () => true, knownProgram: () => false, trackBelongs: () => false },
    );
    expect(fields(ps)).toEqual(['code:error', 'programId:error', 'trackId:error', 'requested:error', 'requested:error']);
  });
  it('warns on an internal deadline after the e-Rad one and a decision with no result date', () => {
    const ps = validateApplication(makeApplication('a', { internalDeadline: '2026-06-01', status: 'awarded' }), free);
    expect(fields(ps)).toEqual(['internalDeadline:warning', 'resultDate:warning']);
  });
});

describe('call, researcher and membership gates', () => {
  const call: TrackedCallInput = { name: '公募', programId: null, trackId: null, funderName: 'JST', fiscalYear: 2026, openingDate: '2026-04-01', deadline: '2026-05-20', expectedAwards: 5, supportYen: 10_000_000, url: '', notes: '' };
  it('checks a tracked call', () => {
    expect(validateTrackedCall(call)).toEqual([]);
    expect(fields(validateTrackedCall({ ...call, name: '', deadline: '2026-03-01', expectedAwards: 1.5, supportYen: -1 }))).toEqual(['name:error', 'deadline:error', 'expectedAwards:error', 'supportYen:error']);
  });
  it('only warns on a researcher number, but refuses one that belongs to someone else', () => {
    expect(validateResearcher(makeResearcher('r', { eradResearcherNumber: '90050426' }))).toEqual([]);
    expect(fields(validateResearcher(makeResearcher('r', { eradResearcherNumber: '10050426' })))).toEqual(['eradResearcherNumber:warning']);
    expect(fields(validateResearcher(makeResearcher('r', { eradResearcherNumber: '1234' })))).toEqual(['eradResearcherNumber:warning']);
    expect(fields(validateResearcher(makeResearcher('r', { name: ' ', eradResearcherNumber: '90050426' }), { numberTaken: () => true }))).toEqual(['name:error', 'eradResearcherNumber:error']);
  });
  it('checks a membership: one record, known researcher, effort 0–100 % once per year', () => {
    const ctx = { recordExists: () => true, researcherExists: () => true };
    expect(validateMembership(makeMembership('m', 'r', { projectId: 'p' }, { 2026: 40 }), ctx)).toEqual([]);
    expect(fields(validateMembership(makeMembership('m', 'r', { projectId: 'p', applicationId: 'a' }, { 2026: 120, 2027: 0 }), ctx))).toEqual(['projectId:error', 'effort:error', 'effort:warning']);
    const twice = { ...makeMembership('m', 'r', { applicationId: 'a' }, {}), effort: [{ fiscalYear: 2026, percent: 10 }, { fiscalYear: 2026, percent: 10 }] };
    expect(fields(validateMembership(twice, { recordExists: () => false, researcherExists: () => false }))).toEqual(['applicationId:error', 'researcherId:error', 'effort:error']);
  });
});

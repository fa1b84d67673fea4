import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { programLookup } from '../../../shared/planning/program-context';
import { applicationFiscalYear, overallSuccessRate, successRates } from '../../../shared/planning/success-rates';
import { makeApplication } from './fixtures';

const programs = programLookup(BUILTIN_CATALOG.programs);

const apps = [
  makeApplication('1', { status: 'awarded', eradDeadline: '2024-05-10', department: '医学研究科' }),
  makeApplication('2', { status: 'rejected', eradDeadline: '2024-06-10', department: '医学研究科' }),
  makeApplication('3', { status: 'rejected', eradDeadline: '2025-05-10', department: '薬学研究科' }),
  makeApplication('4', { status: 'withdrawn', eradDeadline: '2025-05-10', department: '薬学研究科' }),
  makeApplication('5', { status: 'submitted', eradDeadline: '2026-01-10', department: '薬学研究科' }),
  makeApplication('6', { status: 'awarded', programId: null, funderName: '武田科学振興財団', eradDeadline: '2025-08-01', department: '医学研究科' }),
  makeApplication('7', { status: 'awarded', eradDeadline: '2025-08-01', deletedAt: '2025-09-01T00:00:00Z' }),
];

describe('success rates', () => {
  it('is awarded ÷ decided by program, with withdrawn and pending counted but not rated', () => {
    const rows = successRates(apps, 'program', programs);
    expect(rows.map((r) => r.key).sort()).toEqual(['funder:武田科学振興財団', 'next-gen-cancer']);
    expect(rows.find((r) => r.key === 'next-gen-cancer')).toEqual({ key: 'next-gen-cancer', applications: 5, awarded: 1, rejected: 2, withdrawn: 1, pending: 1, decided: 3, rate: 1 / 3 });
    expect(rows.find((r) => r.key.startsWith('funder:'))).toMatchObject({ decided: 1, awarded: 1, rate: 1 });
  });
  it('groups by funder (managing body from the catalog), department and fiscal year', () => {
    const funders = new Map(successRates(apps, 'funder', programs).map((r) => [r.key, [r.awarded, r.decided]]));
    expect(funders).toEqual(new Map([['AMED', [1, 3]], ['武田科学振興財団', [1, 1]]]));
    expect(successRates(apps, 'department', programs).map((r) => [r.key, r.rate])).toEqual([
      ['医学研究科', 2 / 3],
      ['薬学研究科', 0],
    ]);
    const years = successRates(apps, 'fiscalYear', programs);
    expect(years.map((r) => [r.key, r.awarded, r.decided, r.pending])).toEqual([
      ['2024', 1, 2, 0],
      ['2025', 1, 2, 1],
    ]);
  });
  it('limits to a window of fiscal years and gives no rate when nothing is decided', () => {
    const rows = successRates(apps, 'program', programs, { from: 2025, to: 2025 });
    expect(rows.find((r) => r.key === 'next-gen-cancer')).toMatchObject({ applications: 3, decided: 1, rate: 0 });
    expect(successRates([makeApplication('x')], 'program', programs)[0]!.rate).toBeNull();
    expect(overallSuccessRate(apps)).toMatchObject({ applications: 6, awarded: 2, decided: 4, rate: 0.5 });
  });
  it('dates an application by its e-Rad deadline, else submission, result, or first requested year', () => {
    expect(applicationFiscalYear(makeApplication('a', { eradDeadline: '2026-02-01' }))).toBe(2025);
    expect(applicationFiscalYear(makeApplication('a', { eradDeadline: null, submittedDate: '2026-04-02' }))).toBe(2026);
    expect(applicationFiscalYear(makeApplication('a', { eradDeadline: null, resultDate: '2027-01-01' }))).toBe(2026);
    expect(applicationFiscalYear(makeApplication('a', { eradDeadline: null, requested: [{ fiscalYear: 2029, directYen: 1, indirectYen: 0 }, { fiscalYear: 2028, directYen: 1, indirectYen: 0 }] }))).toBe(2028);
    expect(applicationFiscalYear(makeApplication('a', { eradDeadline: null }))).toBeNull();
  });
});

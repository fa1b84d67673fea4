// The worked example of docs/planning.md, figure for figure.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { buildForecast, implicitApplications } from '../../../shared/planning/forecast';
import type { ForecastInput } from '../../../shared/planning/forecast';
import { programLookup } from '../../../shared/planning/program-context';
import { makeLine, makeProject } from '../portfolio/fixtures';
import { makeApplication } from './fixtures';

const programs = programLookup(BUILTIN_CATALOG.programs);
const M = 1_000_000;

// next-gen-cancer runs 令和4–10年度 (FY2022–2028) in the catalog, so its FY2029 line is at risk.
const projects = [
  makeProject('P1', { programId: 'next-gen-cancer', funderName: '', department: '医学研究科' }),
  makeProject('P2', { programId: null, funderName: '武田科学振興財団', department: '薬学研究科' }),
  makeProject('P3', { status: 'completed', programId: 'next-gen-cancer', funderName: '' }),
  makeProject('P4', { status: 'applying', programId: 'medical-device-development', funderName: '', department: '工学研究科' }),
  makeProject('P5', { programId: 'next-gen-cancer', funderName: '', deletedAt: '2026-01-01T00:00:00Z' }),
];
const budgetLines = [
  makeLine('P1', 2026, 10 * M), makeLine('P1', 2028, 10 * M), makeLine('P1', 2029, 8 * M), makeLine('P1', 2031, 8 * M),
  makeLine('P2', 2027, 5 * M, 0), makeLine('P3', 2026, 7 * M), makeLine('P4', 2027, 4 * M), makeLine('P5', 2026, 9 * M),
];
const applications = [
  makeApplication('A1', { status: 'awarded', eradDeadline: '2024-05-10', projectId: 'P1' }),
  makeApplication('A2', { status: 'rejected', eradDeadline: '2025-05-10' }),
  makeApplication('A3', { status: 'rejected', eradDeadline: '2026-02-10' }),
  makeApplication('A4', { status: 'awarded', eradDeadline: '2023-05-10' }),
  makeApplication('A5', { status: 'submitted', requested: [{ fiscalYear: 2027, directYen: 30 * M, indirectYen: 9 * M }] }),
  makeApplication('A6', { status: 'planned', probabilityOverride: 0.5, requested: [{ fiscalYear: 2026, directYen: 2 * M, indirectYen: 600_000 }] }),
  makeApplication('A7', { status: 'awarded', programId: null, funderName: '武田科学振興財団', department: '薬学研究科', requested: [{ fiscalYear: 2026, directYen: M, indirectYen: 0 }] }),
  makeApplication('A8', { status: 'withdrawn', requested: [{ fiscalYear: 2026, directYen: 50 * M, indirectYen: 0 }] }),
];
const input: ForecastInput = { projects, budgetLines, applications, programs, fromFiscalYear: 2026 };

const y = (d: number, i: number) => ({ directYen: d, indirectYen: i });

describe('funding forecast', () => {
  it('splits committed, expected and at risk per fiscal year, direct and indirect', () => {
    const f = buildForecast(input);
    expect(f.years).toEqual([
      { fiscalYear: 2026, committed: y(11 * M, 3 * M), expected: y(M, 300_000), atRisk: y(0, 0) },
      { fiscalYear: 2027, committed: y(5 * M, 0), expected: y(11 * M, 3_300_000), atRisk: y(0, 0) },
      { fiscalYear: 2028, committed: y(10 * M, 3 * M), expected: y(0, 0), atRisk: y(0, 0) },
      { fiscalYear: 2029, committed: y(0, 0), expected: y(0, 0), atRisk: y(8 * M, 2_400_000) },
      { fiscalYear: 2030, committed: y(0, 0), expected: y(0, 0), atRisk: y(0, 0) },
    ]);
  });
  it('takes the probability from the override, the last three years of the program, or the setting', () => {
    const f = buildForecast(input);
    const p = new Map(f.probabilities.map((x) => [x.applicationId, x]));
    expect(p.get('A5')).toMatchObject({ probability: 1 / 3, source: 'history', awarded: 1, decided: 3 });
    expect(p.get('A6')).toMatchObject({ probability: 0.5, source: 'override' });
    expect(p.get('project:P4')).toMatchObject({ probability: 0.25, source: 'setting', programKey: 'medical-device-development' });
    expect([...p.keys()].sort()).toEqual(['A5', 'A6', 'project:P4']);
    const f2 = buildForecast({ ...input, settings: { defaultProbability: 0.5, minDecided: 4 } });
    expect(f2.probabilities.find((x) => x.applicationId === 'A5')).toMatchObject({ probability: 0.5, source: 'setting' });
    expect(f2.years[1]!.expected).toEqual(y(17 * M, 5_100_000));
  });
  it('moves with a what-if on one program, and only its expected money', () => {
    const f = buildForecast({ ...input, whatIf: [{ programKey: 'next-gen-cancer', percent: 20 }] });
    expect(f.years[0]).toMatchObject({ committed: y(11 * M, 3 * M), expected: y(1_200_000, 360_000) });
    expect(f.years[1]!.expected).toEqual(y(13 * M, 3_900_000));
    const gone = buildForecast({ ...input, whatIf: [{ programKey: 'next-gen-cancer', percent: -150 }] });
    expect(gone.years[1]!.expected).toEqual(y(M, 300_000));
  });
  it('groups by program, department and funder with the same totals', () => {
    const f = buildForecast(input);
    for (const groups of [f.byProgram, f.byDepartment, f.byFunder]) {
      for (const [i, year] of f.years.entries()) {
        for (const kind of ['committed', 'expected', 'atRisk'] as const) {
          const sum = groups.reduce((s, g) => s + g.years[i]![kind].directYen + g.years[i]![kind].indirectYen, 0);
          expect(sum).toBe(year[kind].directYen + year[kind].indirectYen);
        }
      }
    }
    const cancer = f.byProgram.find((g) => g.key === 'next-gen-cancer')!;
    expect(cancer.years[3]!.atRisk).toEqual(y(8 * M, 2_400_000));
    expect(f.byFunder.map((g) => g.key).sort()).toEqual(['AMED', '武田科学振興財団']);
    expect(f.byDepartment.find((g) => g.key === '工学研究科')!.years[1]!.expected).toEqual(y(M, 300_000));
  });
  it('reads a 申請中 project with no application as a submitted application, but not one an application links to', () => {
    expect(implicitApplications(projects, budgetLines, applications).map((a) => a.id)).toEqual(['project:P4']);
    const linked = [...applications, makeApplication('A9', { projectId: 'P4', status: 'submitted' })];
    expect(implicitApplications(projects, budgetLines, linked)).toEqual([]);
  });
  it('honours the number of years and the start year', () => {
    const f = buildForecast({ ...input, fromFiscalYear: 2028, years: 2 });
    expect(f.years.map((x) => x.fiscalYear)).toEqual([2028, 2029]);
    expect(f.years[1]!.atRisk).toEqual(y(8 * M, 2_400_000));
  });
});

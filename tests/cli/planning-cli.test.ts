// cli forecast and cli effort on the workbooks the app imports: the forecast equals buildForecast on the same records
// (what the Dashboard computes), and a researcher at 40 % + 40 % + 30 % in FY2026 is reported.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/commands';
import type { CliIo } from '../../cli/commands';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { standardWorkbookWithPlanningSheets } from '../../shared/excel/planning-workbook';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import { buildForecast } from '../../shared/planning/forecast';
import { programLookup } from '../../shared/planning/program-context';
import { makeLine, makeProject } from '../shared/portfolio/fixtures';
import { makeApplication, makeMembership, makeResearcher } from '../shared/planning/fixtures';
import { messyOfficeWorkbook } from '../shared/excel/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'gp-cli-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

function io(): CliIo & { out: string; err: string } {
  const self = {
    out: '', err: '',
    readFile: (p: string) => new Uint8Array(readFileSync(p)),
    writeFile: (p: string, d: Uint8Array | string) => writeFileSync(p, d),
    stdout: (t: string) => void (self.out += t),
    stderr: (t: string) => void (self.err += t),
  };
  return self;
}

const NOW = new Date('2026-06-01T00:00:00Z');
const M = 1_000_000;
// Ids are the codes, as recordsFromImport gives them, so the reference forecast runs on the very records the CLI reads.
const projects = [
  makeProject('P-1', { code: 'P-1', programId: 'next-gen-cancer', funderName: '', department: '医学研究科' }),
  makeProject('P-2', { code: 'P-2', programId: null, funderName: '武田科学振興財団', department: '薬学研究科' }),
  makeProject('P-3', { code: 'P-3', programId: 'medical-device-development', funderName: '', department: '工学研究科' }),
  makeProject('P-4', { code: 'P-4', status: 'applying', programId: 'medical-device-development', funderName: '', department: '工学研究科' }),
];
const budgetLines = [
  makeLine('P-1', 2026, 10 * M), makeLine('P-1', 2028, 10 * M), makeLine('P-1', 2029, 8 * M),
  makeLine('P-2', 2027, 5 * M, 0), makeLine('P-3', 2026, 3 * M), makeLine('P-4', 2027, 4 * M),
];
const applications = [
  makeApplication('AP-1', { code: 'AP-1', status: 'awarded', eradDeadline: '2024-05-10', resultDate: '2024-09-01', projectId: 'P-1' }),
  makeApplication('AP-2', { code: 'AP-2', status: 'rejected', eradDeadline: '2025-05-10', resultDate: '2025-09-01' }),
  makeApplication('AP-3', { code: 'AP-3', status: 'submitted', requested: [{ fiscalYear: 2027, directYen: 30 * M, indirectYen: 9 * M }] }),
  makeApplication('AP-4', { code: 'AP-4', status: 'planned', probabilityOverride: 0.5, requested: [{ fiscalYear: 2026, directYen: 2 * M, indirectYen: 600_000 }] }),
];
const researchers = [makeResearcher('90050426', { name: '山田 太郎', eradResearcherNumber: '90050426' }), makeResearcher('x', { name: '佐藤 花子' })];
const memberships = [
  makeMembership('m1', '90050426', { projectId: 'P-1' }, { 2026: 40 }, { role: 'pi' }),
  makeMembership('m2', '90050426', { projectId: 'P-2' }, { 2026: 40, 2027: 40 }),
  makeMembership('m3', '90050426', { projectId: 'P-3' }, { 2026: 30 }),
  makeMembership('m4', 'x', { projectId: 'P-1' }, { 2026: 50 }),
  makeMembership('m5', 'x', { applicationId: 'AP-3' }, { 2026: 45 }),
];
const programs = BUILTIN_CATALOG.programs;
writeFileSync(file('plan.xlsx'), writeWorkbookBytes(standardWorkbookWithPlanningSheets({ projects, budgetLines, milestones: [], applications, researchers, memberships, programs, lang: 'ja' })));
writeFileSync(file('messy.xlsx'), messyOfficeWorkbook());

type ForecastOut = { fromFiscalYear: number; years: { fiscalYear: number; committed: object; expected: object; atRisk: object }[] };

describe('cli forecast', () => {
  it('prints per fiscal year committed, expected and at-risk yen: the same figures as buildForecast on the same data', () => {
    const t = io();
    expect(runCli(['forecast', file('plan.xlsx')], t, NOW)).toBe(0);
    const out = JSON.parse(t.out) as ForecastOut;
    const reference = buildForecast({ projects, budgetLines, applications, programs: programLookup(programs), fromFiscalYear: 2026 });
    expect(out).toEqual({ fromFiscalYear: 2026, years: reference.years });
    expect(out.years.map((y) => y.fiscalYear)).toEqual([2026, 2027, 2028, 2029, 2030]);
    // 2026: P-1 and P-3 committed; AP-4 at its 50 % override. 2027: AP-3 at 1 of 2 decided, P-4 (申請中) at the 25 % setting.
    expect(out.years[0]).toEqual({ fiscalYear: 2026, committed: { directYen: 13 * M, indirectYen: 3_900_000 }, expected: { directYen: M, indirectYen: 300_000 }, atRisk: { directYen: 0, indirectYen: 0 } });
    expect(out.years[1]!.expected).toEqual({ directYen: 16 * M, indirectYen: 4_800_000 });
    expect(out.years[3]!.atRisk).toEqual({ directYen: 8 * M, indirectYen: 2_400_000 });
  });
  it('honours --from and --years, and refuses bad values', () => {
    const t = io();
    expect(runCli(['forecast', file('plan.xlsx'), '--from', '2028', '--years', '2'], t, NOW)).toBe(0);
    expect((JSON.parse(t.out) as ForecastOut).years.map((y) => y.fiscalYear)).toEqual([2028, 2029]);
    for (const bad of [['--years', '0'], ['--years', 'x'], ['--from', '20.5']]) {
      const b = io();
      expect(runCli(['forecast', file('plan.xlsx'), ...bad], b, NOW)).toBe(2);
      expect(b.err).toContain(`${bad[0]} must be a whole number`);
    }
  });
  it('reads an office sheet with no planning sheets: 申請中 projects count as expected', () => {
    const t = io();
    expect(runCli(['forecast', file('messy.xlsx'), '--from', '2025'], t, NOW)).toBe(1);
    const out = JSON.parse(t.out) as ForecastOut;
    expect(out.years).toHaveLength(5);
    expect(out.fromFiscalYear).toBe(2025);
  });
});

describe('cli effort', () => {
  it('prints researchers whose effort passes 100 % in a fiscal year, with what adds up to it', () => {
    const t = io();
    expect(runCli(['effort', file('plan.xlsx')], t, NOW)).toBe(0);
    const out = JSON.parse(t.out) as { researchers: { name: string; researcherNumber: string; years: { fiscalYear: number; totalPercent: number; contributions: object[] }[] }[] };
    expect(out.researchers).toEqual([
      { name: '山田 太郎', researcherNumber: '90050426', department: '医学研究科', years: [{ fiscalYear: 2026, totalPercent: 110, over100: true, contributions: [{ project: 'P-1', percent: 40 }, { project: 'P-2', percent: 40 }, { project: 'P-3', percent: 30 }] }] },
    ]);
  });
  it('adds researchers at or above --threshold', () => {
    const t = io();
    expect(runCli(['effort', file('plan.xlsx'), '--threshold', '80'], t, NOW)).toBe(0);
    const out = JSON.parse(t.out) as { researchers: { name: string; years: { fiscalYear: number; totalPercent: number; over100: boolean }[] }[] };
    expect(out.researchers.map((r) => [r.name, r.years.map((y) => [y.fiscalYear, y.totalPercent, y.over100])])).toEqual([
      ['山田 太郎', [[2026, 110, true]]],
      ['佐藤 花子', [[2026, 95, false]]],
    ]);
  });
});

describe('cli check', () => {
  it('counts the planning records and reports their problems with the rest', () => {
    const t = io();
    expect(runCli(['check', file('plan.xlsx')], t, NOW)).toBe(0);
    const out = JSON.parse(t.out) as { problems: { sheet: string }[] };
    expect(out).toMatchObject({ projects: 4, applications: 4, researchers: 2, memberships: 5 });
    expect(out.problems.filter((p) => p.sheet !== '課題')).toEqual([]);
    writeFileSync(file('bad-members.xlsx'), writeWorkbookBytes([
      { name: 'Projects', rows: [['Project ID', 'Title', 'Program'], ['P-1', 't', '科研費']] },
      { name: 'Members', rows: [['Project ID', 'Name', 'Fiscal Year', 'Effort (%)'], ['P-1', '山田', 2026, 140]] },
    ]));
    const bad = io();
    expect(runCli(['check', file('bad-members.xlsx')], bad, NOW)).toBe(1);
    expect((JSON.parse(bad.out) as { problems: { sheet: string }[] }).problems.filter((p) => p.sheet === 'Members')).toEqual([{ sheet: 'Members', row: 2, column: 'D', severity: 'error', message: 'Effort 140 % is outside 0–100 %' }]);
  });
});

describe('cli ics', () => {
  it('adds the internal and e-Rad deadlines of pending applications', () => {
    expect(runCli(['ics', file('plan.xlsx'), file('plan.ics'), '--lang', 'ja'], io(), NOW)).toBe(0);
    const ics = readFileSync(file('plan.ics'), 'utf8');
    // AP-3 and AP-4 are pending with e-Rad deadline 2026-05-20 (Wednesday); 5 working days before is 2026-05-13.
    expect(ics.match(/SUMMARY:\[AP-3\] [^\r]*/g)).toEqual(['SUMMARY:[AP-3] 学内締切: 応募 AP-3', 'SUMMARY:[AP-3] e-Rad締切: 応募 AP-3']);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260513');
    expect(ics).not.toContain('[AP-1]');
  });
});

describe('cli convert and report carry the planning sheets', () => {
  it('convert keeps applications and members; report gains success-rate and forecast sheets', () => {
    expect(runCli(['convert', file('plan.xlsx'), file('plan-en.xlsx')], io(), NOW)).toBe(0);
    const en = readWorkbookGrids(new Uint8Array(readFileSync(file('plan-en.xlsx')))).sheets;
    expect(en.map((s) => s.name)).toEqual(['Projects', 'Budgets', 'Milestones', 'Applications', 'Requests', 'Researchers', 'Members']);
    const t = io();
    expect(runCli(['forecast', file('plan-en.xlsx')], t, NOW)).toBe(0);
    const original = io();
    runCli(['forecast', file('plan.xlsx')], original, NOW);
    expect(JSON.parse(t.out)).toEqual(JSON.parse(original.out));
    expect(runCli(['report', file('plan.xlsx'), file('rep.xlsx')], io(), NOW)).toBe(0);
    const rep = readWorkbookGrids(new Uint8Array(readFileSync(file('rep.xlsx')))).sheets;
    expect(rep.map((s) => s.name).slice(-3)).toEqual(['Success rates', 'Forecast', 'Forecast by group']);
  });
});

// The funding forecast for the coming fiscal years: committed (budget lines of active projects), expected (pending
// applications × probability) and at risk (lines in years after the program's period ends), direct and indirect
// apart so the university's indirect income shows. The Dashboard, the Reports screen, the report workbook and
// `cli forecast` all call buildForecast, so they cannot disagree. Rules with a worked example: docs/planning.md.
import type { Application, RequestedAmount } from '../domain/planning';
import { PENDING_APPLICATION_STATUSES } from '../domain/planning';
import type { BudgetLine, Project } from '../domain/types';
import { successRates } from './success-rates';
import { funderKey, programEndFiscalYear, programKey } from './program-context';
import type { ProgramLookup } from './program-context';

export const DEFAULT_FORECAST_YEARS = 5;

export interface ProbabilitySettings {
  /** Used when the office has too little history for the program (0–1). */
  defaultProbability: number;
  /** Fiscal years of history, ending with the forecast's first year (3: that year and the two before). */
  historyYears: number;
  /** Decided applications (awarded + rejected) needed before the office's own rate is used. */
  minDecided: number;
}

export const DEFAULT_PROBABILITY_SETTINGS: ProbabilitySettings = { defaultProbability: 0.25, historyYears: 3, minDecided: 1 };

export interface Yen2 {
  directYen: number;
  indirectYen: number;
}

export interface ForecastYear {
  fiscalYear: number;
  committed: Yen2;
  expected: Yen2;
  atRisk: Yen2;
}

export interface ForecastGroup {
  key: string;
  years: ForecastYear[];
}

export interface ApplicationProbability {
  applicationId: string;
  programKey: string;
  /** 0–1, before any what-if. */
  probability: number;
  source: 'override' | 'history' | 'setting';
  /** The history behind a 'history' probability. */
  awarded: number;
  decided: number;
}

export interface Forecast {
  fromFiscalYear: number;
  years: ForecastYear[];
  byProgram: ForecastGroup[];
  byDepartment: ForecastGroup[];
  byFunder: ForecastGroup[];
  probabilities: ApplicationProbability[];
}

/** A what-if: a program's expected money scaled by ±percent (−100 removes it; below that counts as −100). */
export interface WhatIf {
  programKey: string;
  percent: number;
}

type ForecastProject = Pick<Project, 'id' | 'status' | 'programId' | 'funderName' | 'department' | 'deletedAt'>;
type ForecastApplication = Pick<
  Application,
  'id' | 'status' | 'programId' | 'funderName' | 'department' | 'requested' | 'probabilityOverride' | 'projectId' | 'deletedAt' | 'eradDeadline' | 'submittedDate' | 'resultDate'
>;

export interface ForecastInput {
  projects: readonly ForecastProject[];
  budgetLines: readonly BudgetLine[];
  applications: readonly ForecastApplication[];
  programs: ProgramLookup;
  /** First fiscal year of the forecast (the current one on screens). */
  fromFiscalYear: number;
  years?: number;
  settings?: Partial<ProbabilitySettings>;
  whatIf?: readonly WhatIf[];
}

/**
 * A project still 申請中 with no application record (data from before applications existed, or an office sheet) is
 * read as a submitted application requesting its own budget lines, so its money shows as expected, not lost.
 */
export function implicitApplications(
  projects: readonly ForecastProject[],
  budgetLines: readonly BudgetLine[],
  applications: readonly Pick<Application, 'projectId' | 'deletedAt'>[],
): ForecastApplication[] {
  const linked = new Set(applications.filter((a) => !a.deletedAt && a.projectId).map((a) => a.projectId));
  const lines = new Map<string, RequestedAmount[]>();
  for (const b of budgetLines) {
    const list = lines.get(b.projectId) ?? [];
    list.push({ fiscalYear: b.fiscalYear, directYen: b.directYen, indirectYen: b.indirectYen });
    lines.set(b.projectId, list);
  }
  return projects
    .filter((p) => p.status === 'applying' && !p.deletedAt && !linked.has(p.id))
    .map((p) => ({
      id: `project:${p.id}`, status: 'submitted', programId: p.programId, funderName: p.funderName, department: p.department,
      requested: lines.get(p.id) ?? [], probabilityOverride: null, projectId: p.id, deletedAt: null, eradDeadline: null, submittedDate: null, resultDate: null,
    }));
}

/** The probability of each pending application: its override, else the office's rate for its program, else the setting. */
export function applicationProbabilities(
  applications: readonly ForecastApplication[],
  programs: ProgramLookup,
  fromFiscalYear: number,
  settings: ProbabilitySettings,
): ApplicationProbability[] {
  const window = { from: fromFiscalYear - settings.historyYears + 1, to: fromFiscalYear };
  const history = new Map(successRates(applications, 'program', programs, window).map((r) => [r.key, r]));
  return applications
    .filter((a) => !a.deletedAt && PENDING_APPLICATION_STATUSES.includes(a.status))
    .map((a): ApplicationProbability => {
      const key = programKey(a);
      const h = history.get(key);
      const base = { applicationId: a.id, programKey: key, awarded: h?.awarded ?? 0, decided: h?.decided ?? 0 };
      if (a.probabilityOverride !== null) return { ...base, probability: clamp01(a.probabilityOverride), source: 'override' };
      if (h && h.rate !== null && h.decided >= settings.minDecided) return { ...base, probability: h.rate, source: 'history' };
      return { ...base, probability: clamp01(settings.defaultProbability), source: 'setting' };
    });
}

function clamp01(p: number): number {
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

const zero = (): Yen2 => ({ directYen: 0, indirectYen: 0 });

class Accumulator {
  readonly total = new Map<number, ForecastYear>();
  readonly groups = { program: new Map<string, Map<number, ForecastYear>>(), department: new Map<string, Map<number, ForecastYear>>(), funder: new Map<string, Map<number, ForecastYear>>() };
  constructor(private readonly fiscalYears: readonly number[]) {
    for (const fy of fiscalYears) this.total.set(fy, { fiscalYear: fy, committed: zero(), expected: zero(), atRisk: zero() });
  }
  add(kind: 'committed' | 'expected' | 'atRisk', fy: number, amount: Yen2, keys: { program: string; department: string; funder: string }): void {
    const total = this.total.get(fy);
    if (!total) return;
    addTo(total[kind], amount);
    for (const dim of ['program', 'department', 'funder'] as const) {
      let g = this.groups[dim].get(keys[dim]);
      if (!g) {
        g = new Map(this.fiscalYears.map((y) => [y, { fiscalYear: y, committed: zero(), expected: zero(), atRisk: zero() }]));
        this.groups[dim].set(keys[dim], g);
      }
      addTo(g.get(fy)![kind], amount);
    }
  }
}

function addTo(target: Yen2, amount: Yen2): void {
  target.directYen += amount.directYen;
  target.indirectYen += amount.indirectYen;
}

const groupList = (m: Map<string, Map<number, ForecastYear>>): ForecastGroup[] =>
  [...m].map(([key, years]) => ({ key, years: [...years.values()] })).sort((a, b) => a.key.localeCompare(b.key));

/**
 * The forecast for `years` fiscal years from `fromFiscalYear`. Committed: lines of live active projects in years up
 * to the program's period end (or any year when the catalog states no end). At risk: the same lines in years after
 * the end. Expected: each pending application's requested amount × its probability (× the what-if), rounded to whole
 * yen per application and year; a project still 申請中 with no application counts as one (implicitApplications). An
 * awarded application not yet linked to a project counts as committed at its requested amounts.
 */
export function buildForecast(input: ForecastInput): Forecast {
  const settings = { ...DEFAULT_PROBABILITY_SETTINGS, ...input.settings };
  const n = input.years ?? DEFAULT_FORECAST_YEARS;
  const fiscalYears = Array.from({ length: Math.max(0, n) }, (_, i) => input.fromFiscalYear + i);
  const acc = new Accumulator(fiscalYears);
  const { programs } = input;
  const keysOf = (r: { programId: string | null; funderName: string; department: string }) => ({ program: programKey(r), department: r.department.trim(), funder: funderKey(programs, r) });

  const projects = new Map(input.projects.map((p) => [p.id, p]));
  for (const line of input.budgetLines) {
    const p = projects.get(line.projectId);
    if (!p || p.deletedAt || p.status !== 'active') continue;
    const end = p.programId ? programEndFiscalYear(programs, p.programId) : null;
    const kind = end !== null && line.fiscalYear > end ? 'atRisk' : 'committed';
    acc.add(kind, line.fiscalYear, line, keysOf(p));
  }

  const applications = [...input.applications, ...implicitApplications(input.projects, input.budgetLines, input.applications)];
  for (const a of applications) {
    if (a.deletedAt || a.status !== 'awarded' || a.projectId) continue;
    for (const r of a.requested) acc.add('committed', r.fiscalYear, r, keysOf(a));
  }
  const probabilities = applicationProbabilities(applications, programs, input.fromFiscalYear, settings);
  const whatIf = new Map<string, number>();
  for (const w of input.whatIf ?? []) whatIf.set(w.programKey, (whatIf.get(w.programKey) ?? 0) + w.percent);
  const byId = new Map(applications.map((a) => [a.id, a]));
  for (const p of probabilities) {
    const a = byId.get(p.applicationId)!;
    const factor = p.probability * Math.max(0, 1 + (whatIf.get(p.programKey) ?? 0) / 100);
    for (const r of a.requested) {
      acc.add('expected', r.fiscalYear, { directYen: Math.round(r.directYen * factor), indirectYen: Math.round(r.indirectYen * factor) }, keysOf(a));
    }
  }
  return {
    fromFiscalYear: input.fromFiscalYear,
    years: [...acc.total.values()],
    byProgram: groupList(acc.groups.program),
    byDepartment: groupList(acc.groups.department),
    byFunder: groupList(acc.groups.funder),
    probabilities,
  };
}

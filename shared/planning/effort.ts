// Researchers' effort (エフォート) per fiscal year: the sum of their shares on live projects and on applications still
// waiting for a result, since e-Rad checks a new application against both. Over 100 % is always flagged; the office
// may also set a lower threshold it wants to hear about (e.g. 80 %).
import type { Application, Membership, Researcher } from '../domain/planning';
import { PENDING_APPLICATION_STATUSES } from '../domain/planning';
import type { Project } from '../domain/types';

export const EFFORT_LIMIT_PERCENT = 100;

export interface EffortContribution {
  membershipId: string;
  /** 'project' or 'application', and its id. */
  kind: 'project' | 'application';
  recordId: string;
  percent: number;
}

export interface EffortYear {
  fiscalYear: number;
  /** On projects (any status but in the trash; the fiscal year says when the effort was spent). */
  projectPercent: number;
  /** On applications still planned or submitted. */
  pendingPercent: number;
  totalPercent: number;
  /** totalPercent > 100. */
  over100: boolean;
  /** totalPercent ≥ the office's threshold (when one is set). */
  overThreshold: boolean;
  contributions: EffortContribution[];
}

export interface ResearcherEffort {
  researcherId: string;
  years: EffortYear[];
  /** Some year passes 100 %. */
  over100: boolean;
  overThreshold: boolean;
}

export interface EffortInput {
  researchers: readonly Pick<Researcher, 'id' | 'deletedAt'>[];
  memberships: readonly Membership[];
  projects: readonly Pick<Project, 'id' | 'deletedAt'>[];
  applications: readonly Pick<Application, 'id' | 'status' | 'deletedAt'>[];
  /** The office's lower warning threshold in percent (e.g. 80), or null for none. */
  thresholdPercent?: number | null;
}

/** Sums with no floating-point dust: effort is entered to at most two decimals. */
const addPercent = (a: number, b: number) => Math.round((a + b) * 100) / 100;

/**
 * Effort totals per researcher and fiscal year, years ascending, researchers in input order (those in the trash left
 * out). Memberships of projects in the trash, and of applications awarded (their memberships moved to the project),
 * rejected, withdrawn or in the trash, do not count.
 */
export function researcherEffort(input: EffortInput): ResearcherEffort[] {
  const liveProjects = new Set(input.projects.filter((p) => !p.deletedAt).map((p) => p.id));
  const pendingApps = new Set(input.applications.filter((a) => !a.deletedAt && PENDING_APPLICATION_STATUSES.includes(a.status)).map((a) => a.id));
  const threshold = input.thresholdPercent ?? null;
  const byResearcher = new Map<string, Map<number, EffortYear>>();
  for (const m of input.memberships) {
    const kind = m.projectId !== null ? 'project' : 'application';
    const recordId = (m.projectId ?? m.applicationId) as string | null;
    if (recordId === null) continue;
    if (kind === 'project' ? !liveProjects.has(recordId) : !pendingApps.has(recordId)) continue;
    let years = byResearcher.get(m.researcherId);
    if (!years) byResearcher.set(m.researcherId, (years = new Map()));
    for (const e of m.effort) {
      let y = years.get(e.fiscalYear);
      if (!y) years.set(e.fiscalYear, (y = { fiscalYear: e.fiscalYear, projectPercent: 0, pendingPercent: 0, totalPercent: 0, over100: false, overThreshold: false, contributions: [] }));
      if (kind === 'project') y.projectPercent = addPercent(y.projectPercent, e.percent);
      else y.pendingPercent = addPercent(y.pendingPercent, e.percent);
      y.totalPercent = addPercent(y.totalPercent, e.percent);
      y.contributions.push({ membershipId: m.id, kind, recordId, percent: e.percent });
    }
  }
  const out: ResearcherEffort[] = [];
  for (const r of input.researchers) {
    if (r.deletedAt) continue;
    const years = [...(byResearcher.get(r.id)?.values() ?? [])].sort((a, b) => a.fiscalYear - b.fiscalYear);
    for (const y of years) {
      y.over100 = y.totalPercent > EFFORT_LIMIT_PERCENT;
      y.overThreshold = threshold !== null && y.totalPercent >= threshold;
    }
    out.push({ researcherId: r.id, years, over100: years.some((y) => y.over100), overThreshold: years.some((y) => y.overThreshold) });
  }
  return out;
}

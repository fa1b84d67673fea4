// The office's planning rules as one settings record (internal-deadline days, forecast probabilities, the effort
// threshold), with defaults, read tolerantly: a missing or out-of-range value falls back to its default, so settings
// stored by an older version, or edited by hand, never break the forecast.
import { DEFAULT_PROBABILITY_SETTINGS } from './forecast';
import type { ProbabilitySettings } from './forecast';
import { DEFAULT_INTERNAL_DEADLINE_DAYS } from './internal-deadline';

export interface PlanningSettings {
  /** 学内締切 = this many working days before the e-Rad deadline. */
  internalDeadlineWorkingDays: number;
  probability: ProbabilitySettings;
  /** The office's lower effort warning in percent (e.g. 80), or null for none (over 100 % is always flagged). */
  effortThresholdPercent: number | null;
}

export const DEFAULT_PLANNING_SETTINGS: PlanningSettings = {
  internalDeadlineWorkingDays: DEFAULT_INTERNAL_DEADLINE_DAYS,
  probability: DEFAULT_PROBABILITY_SETTINGS,
  effortThresholdPercent: null,
};

function whole(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function fraction(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : fallback;
}

/** Settings from whatever was stored (anything: an object with some fields, nothing, or garbage). */
export function normalizePlanningSettings(raw: unknown): PlanningSettings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const p = (typeof o.probability === 'object' && o.probability !== null ? o.probability : {}) as Record<string, unknown>;
  const d = DEFAULT_PLANNING_SETTINGS;
  const threshold = o.effortThresholdPercent;
  return {
    internalDeadlineWorkingDays: whole(o.internalDeadlineWorkingDays, 0, 60, d.internalDeadlineWorkingDays),
    probability: {
      defaultProbability: fraction(p.defaultProbability, d.probability.defaultProbability),
      historyYears: whole(p.historyYears, 1, 20, d.probability.historyYears),
      minDecided: whole(p.minDecided, 1, 1000, d.probability.minDecided),
    },
    effortThresholdPercent: typeof threshold === 'number' && Number.isFinite(threshold) && threshold > 0 && threshold <= 100 ? threshold : null,
  };
}

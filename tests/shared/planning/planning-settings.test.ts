import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANNING_SETTINGS, normalizePlanningSettings } from '../../../shared/planning/planning-settings';

describe('planning settings', () => {
  it('defaults to 5 working days, a 25 % probability over 3 years from 1 decision, and no effort threshold', () => {
    expect(normalizePlanningSettings(undefined)).toEqual({
      internalDeadlineWorkingDays: 5, probability: { defaultProbability: 0.25, historyYears: 3, minDecided: 1 }, effortThresholdPercent: null,
    });
    expect(normalizePlanningSettings('garbage')).toEqual(DEFAULT_PLANNING_SETTINGS);
  });
  it('keeps valid values and replaces each invalid one by its default', () => {
    expect(normalizePlanningSettings({ internalDeadlineWorkingDays: 3, probability: { defaultProbability: 0.4, historyYears: 5, minDecided: 2 }, effortThresholdPercent: 80 })).toEqual({
      internalDeadlineWorkingDays: 3, probability: { defaultProbability: 0.4, historyYears: 5, minDecided: 2 }, effortThresholdPercent: 80,
    });
    expect(normalizePlanningSettings({ internalDeadlineWorkingDays: -1, probability: { defaultProbability: 40, historyYears: 0, minDecided: 1.5 }, effortThresholdPercent: 150 })).toEqual(DEFAULT_PLANNING_SETTINGS);
  });
});

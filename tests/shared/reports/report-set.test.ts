// The screen's and the workbook's reports come from one builder: a period typed backwards is read forwards, and the
// forecast starts at the asked fiscal year.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin';
import { buildReportSet } from '../../../shared/reports/report-set';

const empty = { projects: [], budgetLines: [], milestones: [], applications: [] };
const request = { today: '2026-06-01', from: '2027-03-31', to: '2026-04-01', programs: BUILTIN_CATALOG.programs, fromFiscalYear: 2026, probability: {}, whatIf: [] } as const;

describe('buildReportSet', () => {
  it('reads a period given in either order and starts the forecast at the asked year', () => {
    const backwards = buildReportSet(empty, request);
    const forwards = buildReportSet(empty, { ...request, from: '2026-04-01', to: '2027-03-31' });
    expect(backwards.report.from).toBe('2026-04-01');
    expect(backwards.report.to).toBe('2027-03-31');
    expect(backwards).toEqual(forwards);
    expect(backwards.planning.forecast.years[0]?.fiscalYear).toBe(2026);
  });
});

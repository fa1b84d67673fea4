import { describe, expect, it } from 'vitest';
import { expandTemplate, expandTemplates, templateDueDate, validateTemplate } from '../../../shared/portfolio/templates';
import type { MilestoneTemplate } from '../../../shared/portfolio/templates';

const outcome: MilestoneTemplate = { id: 't1', kind: 'outcome-report', title: '成果報告書', month: 5, day: 31, programId: null };

describe('yearly templates', () => {
  it('puts the due date after the fiscal year ends', () => {
    expect(templateDueDate(2025, 5, 31)).toBe('2026-05-31');
    expect(templateDueDate(2025, 4, 1)).toBe('2026-04-01');
    expect(templateDueDate(2025, 1, 15)).toBe('2027-01-15');
    expect(templateDueDate(2026, 2, 29)).toBe('2028-02-29');
    expect(templateDueDate(2025, 2, 29)).toBe('2027-02-28');
  });

  it('expands to one item per fiscal year of the project, fiscal-year edges included', () => {
    const drafts = expandTemplate(outcome, { id: 'p', startDate: '2025-04-01', endDate: '2028-03-31', programId: 'x' });
    expect(drafts.map((d) => d.dueDate)).toEqual(['2026-05-31', '2027-05-31', '2028-05-31']);
    expect(drafts[0]!.title).toBe('成果報告書（令和7年度）');
    // Starting on March 31 touches FY2024; ending on April 1 touches FY2026.
    const edge = expandTemplate(outcome, { id: 'p', startDate: '2025-03-31', endDate: '2026-04-01', programId: null });
    expect(edge.map((d) => d.dueDate)).toEqual(['2025-05-31', '2026-05-31', '2027-05-31']);
  });

  it('applies program templates only to that program and needs both dates', () => {
    const t: MilestoneTemplate = { ...outcome, id: 't2', programId: 'binds' };
    expect(expandTemplates([outcome, t], { id: 'p', startDate: '2025-04-01', endDate: '2026-03-31', programId: 'binds' })).toHaveLength(2);
    expect(expandTemplates([outcome, t], { id: 'p', startDate: '2025-04-01', endDate: '2026-03-31', programId: 'b-cure' })).toHaveLength(1);
    expect(expandTemplate(outcome, { id: 'p', startDate: null, endDate: '2026-03-31', programId: null })).toEqual([]);
  });

  it('validates what the user typed', () => {
    expect(validateTemplate({ title: '実績報告書', month: 5, day: 31 })).toEqual([]);
    expect(validateTemplate({ title: ' ', month: 13, day: 0 })).toHaveLength(3);
  });
});

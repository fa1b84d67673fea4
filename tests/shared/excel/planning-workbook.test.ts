import { describe, expect, it } from 'vitest';
import { planningSheetLayouts, standardWorkbookWithPlanningSheets } from '../../../shared/excel/planning-workbook';

describe('standard workbook with planning sheets', () => {
  it('puts the planning sheets after the project sheets, in either language', () => {
    const empty = { projects: [], budgetLines: [], milestones: [], applications: [], researchers: [], memberships: [], programs: [] };
    expect(standardWorkbookWithPlanningSheets({ ...empty, lang: 'en' }).map((s) => s.name)).toEqual(['Projects', 'Budgets', 'Milestones', 'Applications', 'Requests', 'Researchers', 'Members']);
    expect(standardWorkbookWithPlanningSheets({ ...empty, lang: 'ja' }).map((s) => s.name)).toEqual(['課題', '予算', 'マイルストーン', '応募', '申請額', '研究者', 'メンバー']);
  });
  it('gives the planning sheets\' layouts (names, formats) without rows, for the export\'s shell and format seed', () => {
    const layouts = planningSheetLayouts('ja');
    expect(layouts.map((l) => l.name)).toEqual(['応募', '申請額', '研究者', 'メンバー']);
    expect(layouts.every((l) => !('rows' in l))).toBe(true);
    expect(layouts[1]!.numFmts).toBeDefined();
  });
});

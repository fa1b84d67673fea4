import { describe, expect, it } from 'vitest';
import { planningSheetIndexes, standardWorkbookWithPlanningSheets } from '../../../shared/excel/planning-workbook';

describe('standard workbook with planning sheets', () => {
  it('puts the planning sheets after the project sheets, in either language', () => {
    const empty = { projects: [], budgetLines: [], milestones: [], applications: [], researchers: [], memberships: [], programs: [] };
    expect(standardWorkbookWithPlanningSheets({ ...empty, lang: 'en' }).map((s) => s.name)).toEqual(['Projects', 'Budgets', 'Milestones', 'Applications', 'Requests', 'Researchers', 'Members']);
    expect(standardWorkbookWithPlanningSheets({ ...empty, lang: 'ja' }).map((s) => s.name)).toEqual(['課題', '予算', 'マイルストーン', '応募', '申請額', '研究者', 'メンバー']);
  });
  it('finds the planning sheets by name, English or Japanese, so only they need reading', () => {
    expect(planningSheetIndexes(['Projects', 'Budgets', 'members', '応募', 'Notes', '申請額', ' Researchers '])).toEqual([2, 3, 5, 6]);
    expect(planningSheetIndexes(['課題一覧', '表紙'])).toEqual([]);
  });
});

// The write path for budgets (one line per project and fiscal year), audited like projects.
import type { BudgetLine } from '../../shared/domain/types';
import type { Bilingual } from '../../shared/domain/message';
import { auditedTables, beginChange, logChange, newId } from './audit';
import { db } from './db';

export type BudgetSave = { ok: true; line: BudgetLine } | { ok: false; message: Bilingual };

/**
 * Sets the direct and indirect amounts (whole yen) of a project's fiscal year, creating the line when missing.
 * Refuses negative or fractional amounts and impossible years.
 */
export async function saveBudgetLine(projectId: string, fiscalYear: number, directYen: number, indirectYen: number): Promise<BudgetSave> {
  if (![directYen, indirectYen].every((v) => Number.isSafeInteger(v) && v >= 0)) {
    return { ok: false, message: { ja: '金額は0以上の整数（円）で入力してください。', en: 'Amounts must be whole yen, zero or more.' } };
  }
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1990 || fiscalYear > 2100) {
    return { ok: false, message: { ja: '年度が正しくありません。', en: 'The fiscal year is not valid.' } };
  }
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async (): Promise<BudgetSave> => {
    const before = await db.budgetLines.where('[projectId+fiscalYear]').equals([projectId, fiscalYear]).first();
    const after: BudgetLine = { id: before?.id ?? newId(), projectId, fiscalYear, directYen, indirectYen };
    if (before && before.directYen === directYen && before.indirectYen === indirectYen) return { ok: true, line: before };
    await db.budgetLines.put(after);
    await logChange(ctx, {
      entity: 'budget', entityId: after.id, projectId, action: before ? 'update' : 'create',
      summary: `予算 / Budget FY${fiscalYear}: ${directYen.toLocaleString('ja-JP')} + ${indirectYen.toLocaleString('ja-JP')}`, before: before ?? null, after,
    });
    return { ok: true, line: after };
  });
}

export async function deleteBudgetLine(id: string): Promise<boolean> {
  const ctx = await beginChange();
  return db.transaction('rw', auditedTables(), async () => {
    const before = await db.budgetLines.get(id);
    if (!before) return false;
    await db.budgetLines.delete(id);
    await logChange(ctx, { entity: 'budget', entityId: id, projectId: before.projectId, action: 'delete', summary: `予算削除 / Budget removed FY${before.fiscalYear}`, before, after: null });
    return true;
  });
}

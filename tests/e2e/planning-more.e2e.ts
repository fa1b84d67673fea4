// Issue 17's remaining planning screens in Chromium: a standard workbook with planning sheets imported through the
// wizard gives researchers, members and applications, and the app's export writes them back (the same records); an
// application's members are edited with the project's Members editor; a tracked call is edited in place; the forecast
// breaks down by department and funder; the printed Reports screen holds the forecast's five fiscal years.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { dumpStores } from './idb';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { fiscalYearOf, todayIso } from '../../shared/calendar/fiscal-year';
import type { Application, Membership, Researcher } from '../../shared/domain/planning';
import type { Project } from '../../shared/domain/types';
import { standardWorkbookWithPlanningSheets } from '../../shared/excel/planning-workbook';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import type { Cell } from '../../shared/excel/sheetjs';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const FY = fiscalYearOf(todayIso());
const NOW = '2026-01-01T00:00:00.000Z';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function project(id: string, code: string, department: string, funderName: string): Project {
  return {
    id, code, title: `課題 ${code}`, pi: '山田 太郎', piPosition: '', piResearcherNumber: '', coInvestigators: [], partners: [], tags: [], department, programId: null, trackId: null,
    funderName, amedNumber: '', eradNumber: '', startDate: `${FY}-04-01`, endDate: `${FY + 2}-03-31`, status: 'active', notes: '', archived: false, deletedAt: null, createdAt: NOW, updatedAt: NOW,
  };
}
const researcher = (id: string, name: string, number: string): Researcher => ({
  id, name, nameReading: '', eradResearcherNumber: number, researchmapId: '', department: '医学部', position: '教授', notes: '', deletedAt: null, createdAt: NOW, updatedAt: NOW,
});
const application: Application = {
  id: 'a1', code: 'AP-1', title: '新規応募', callName: '公募', callId: null, programId: null, trackId: null, funderName: 'JST', pi: '山田 太郎', department: '医学部',
  eradDeadline: `${FY}-06-10`, internalDeadline: null, submittedDate: null, requested: [{ fiscalYear: FY + 1, directYen: 4_000_000, indirectYen: 1_200_000 }], role: 'lead',
  status: 'submitted', resultDate: null, probabilityOverride: 0.5, projectId: null, notes: '', deletedAt: null, createdAt: NOW, updatedAt: NOW,
};
const memberships: Membership[] = [
  { id: 'm1', projectId: 'p1', applicationId: null, researcherId: 'r1', role: 'pi', effort: [{ fiscalYear: FY, percent: 40 }] },
  { id: 'm2', projectId: 'p2', applicationId: null, researcherId: 'r2', role: 'co-investigator', effort: [{ fiscalYear: FY, percent: 10 }, { fiscalYear: FY + 1, percent: 15 }] },
];

function workbook(): Uint8Array {
  return writeWorkbookBytes(standardWorkbookWithPlanningSheets({
    projects: [project('p1', 'P-1', '医学部', 'AMED'), project('p2', 'P-2', '工学部', 'JST')],
    budgetLines: [
      { id: 'b1', projectId: 'p1', fiscalYear: FY, directYen: 10_000_000, indirectYen: 3_000_000 },
      { id: 'b2', projectId: 'p2', fiscalYear: FY, directYen: 2_000_000, indirectYen: 600_000 },
    ],
    milestones: [], applications: [application], researchers: [researcher('r1', '山田 太郎', '90050426'), researcher('r2', '佐藤 花子', '')], memberships, programs: BUILTIN_CATALOG.programs, lang: 'ja',
  }));
}

/** The planning sheets' rows after the header, sorted (row order follows stored ids, which an import renews). */
function planningRows(bytes: Uint8Array): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  for (const s of readWorkbookGrids(bytes).sheets) {
    if (['応募', '申請額', '研究者', 'メンバー'].includes(s.name)) out[s.name] = s.rows.slice(1).map((r) => r.map((c) => c ?? null)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

async function importWorkbook(page: Page, bytes: Uint8Array): Promise<void> {
  await page.click('nav a[data-screen="importExport"]');
  await page.setInputFiles('#import-file', { name: 'planning.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(bytes) });
  await page.waitForSelector('[data-testid="import-counts"]');
  await page.click('[data-testid="import-start"]');
  await page.click('[data-testid="import-confirm"]');
  await page.waitForSelector('[data-testid="import-done"]');
}

describe('planning: workbook, members, calls, breakdown, print', () => {
  it('imports and exports the planning sheets, edits application members and tracked calls, groups the forecast and prints it', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // 1. Import: researchers, members and the application are stored.
    const source = workbook();
    await importWorkbook(page, source);
    const stored = await dumpStores(page, ['researchers', 'memberships', 'applications']);
    expect((stored.researchers as Researcher[]).map((r) => [r.name, r.eradResearcherNumber]).sort()).toEqual([['佐藤 花子', ''], ['山田 太郎', '90050426']]);
    expect(stored.memberships).toHaveLength(2);
    expect((stored.applications as Application[]).map((a) => [a.code, a.status, a.probabilityOverride])).toEqual([['AP-1', 'submitted', 0.5]]);

    // ... and the app's export (parts) writes the same planning rows back.
    await page.selectOption('#export-lang', 'ja');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-standard"]')]);
    await expect.poll(() => page.locator('[data-testid="export-status"]').textContent()).not.toBe('');
    const exported = new Uint8Array(readFileSync(await download.path()));
    expect(await page.locator('[data-testid="export-status"]').getAttribute('data-export-path')).toBe('parts');
    expect(planningRows(exported)).toEqual(planningRows(source));
    expect(Object.keys(planningRows(exported))).toHaveLength(4);

    // 3. An application's members: the same editor as a project's.
    await page.click('nav a[data-screen="applications"]');
    await page.click('[data-testid="applications-table"] tr[data-code="AP-1"] button.link');
    const panel = page.locator('[data-testid="application-members-panel"]');
    await panel.locator('select[name="researcherId"]').selectOption({ label: '佐藤 花子' });
    await panel.locator('select[name="role"]').selectOption('co-investigator');
    await panel.locator('input[name="effort"]').fill(`${FY + 1}:20`);
    await panel.locator('[data-testid="member-add"]').click();
    await expect.poll(() => panel.locator('[data-testid="application-members"] tbody tr').count()).toBe(1);
    const appMembers = (await dumpStores(page, ['memberships'])).memberships as Membership[];
    expect(appMembers.filter((m) => m.applicationId === 'a1' || (m.applicationId && !m.projectId)).map((m) => [m.role, m.effort])).toEqual([['co-investigator', [{ fiscalYear: FY + 1, percent: 20 }]]]);
    await panel.locator('[data-testid="application-members"] tbody tr button').click();
    await expect.poll(() => panel.locator('[data-testid="application-members"] tbody tr').count()).toBe(0);

    // 4. A tracked call edited in place: the same call, its new name and deadline.
    await page.click('nav a[data-screen="deadlines"]');
    const callForm = page.locator('[data-testid="call-form"]');
    await callForm.locator('input[name="name"]').fill('仮の公募');
    await callForm.locator('input[name="funderName"]').fill('JST');
    await callForm.locator('input[name="deadline"]').fill(`${FY + 1}-01-15`);
    await callForm.locator('[data-testid="call-add"]').click();
    await page.waitForSelector('[data-testid="tracked-calls"] tbody tr');
    await page.click('[data-testid="tracked-calls"] tbody tr [data-action="edit-call"]');
    expect(await callForm.locator('input[name="name"]').inputValue()).toBe('仮の公募');
    await callForm.locator('input[name="name"]').fill('創発的研究支援事業 公募');
    await callForm.locator('input[name="deadline"]').fill(`${FY + 1}-02-20`);
    await callForm.locator('[data-testid="call-add"]').click();
    await expect.poll(() => page.locator('[data-testid="tracked-calls"] tbody tr td').first().textContent()).toBe('創発的研究支援事業 公募');
    expect(await page.locator('[data-testid="tracked-calls"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="tracked-calls"] tbody tr td').nth(3).textContent()).toBe(`${FY + 1}-02-20`);

    // 5. The forecast by department and by funder (Reports and Dashboard); each grouping adds up to the totals.
    await page.click('nav a[data-screen="reports"]');
    await page.waitForSelector(`[data-testid="report-forecast"] tr[data-fy="${FY}"]`);
    const totalCommitted = Number(await page.locator(`[data-testid="report-forecast"] tr[data-fy="${FY}"] td[data-kind="committed-direct"]`).getAttribute('data-yen'))
      + Number(await page.locator(`[data-testid="report-forecast"] tr[data-fy="${FY}"] td[data-kind="committed-indirect"]`).getAttribute('data-yen'));
    expect(totalCommitted).toBe(15_600_000);
    await page.selectOption('[data-testid="report-forecast-groups-grouping"]', 'department');
    const groups = page.locator('[data-testid="report-forecast-groups"]');
    await groups.waitFor();
    const committedBy = async (group: string) => Number(await groups.locator(`tr[data-group="${group}"][data-kind="committed"] td[data-fy="${FY}"]`).getAttribute('data-yen'));
    expect([await committedBy('医学部'), await committedBy('工学部')]).toEqual([13_000_000, 2_600_000]);
    await page.selectOption('[data-testid="report-forecast-groups-grouping"]', 'funder');
    await expect.poll(() => groups.getAttribute('data-grouping')).toBe('funder');
    expect(await committedBy('AMED') + await committedBy('JST')).toBe(totalCommitted);
    await page.click('nav a[data-screen="dashboard"]');
    await page.selectOption('[data-testid="dash-forecast-groups-grouping"]', 'department');
    await expect.poll(() => page.locator('[data-testid="dash-forecast-groups"] tr[data-group="医学部"][data-kind="committed"]').count()).toBe(1);

    // 6. Print: the Reports screen on A4 shows the success rates and the forecast's five fiscal years; controls are hidden.
    await page.click('nav a[data-screen="reports"]');
    await page.waitForSelector(`[data-testid="report-forecast"] tr[data-fy="${FY}"]`);
    await page.emulateMedia({ media: 'print' });
    const printedYears = await page.locator('[data-testid="report-forecast"] tbody tr:visible').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-fy'))));
    expect(printedYears).toEqual([FY, FY + 1, FY + 2, FY + 3, FY + 4]);
    expect(await page.locator('[data-testid="success-overall"]').isVisible()).toBe(true);
    expect(await page.locator('#whatif-program').isVisible()).toBe(false);
    expect(await page.locator('nav a[data-screen="reports"]').isVisible()).toBe(false);
    // The forecast fits the A4 page width (210 mm − 2 × 12 mm margins ≈ 703 CSS px).
    await page.setViewportSize({ width: 703, height: 1000 });
    const width = await page.locator('[data-testid="report-forecast-section"]').evaluate((el) => el.scrollWidth);
    expect(width).toBeLessThanOrEqual(703);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});

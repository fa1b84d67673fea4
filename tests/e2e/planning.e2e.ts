// Planning end to end in Chromium: an application planned, submitted and awarded counts in the success rate and moves
// from expected to committed in the Dashboard's forecast; a researcher at 40 % + 40 % + 30 % in FY2026 is flagged on
// their page and on the Dashboard; the what-if moves the Reports chart and the exported report workbook; and the
// Dashboard's forecast equals `cli forecast` on a workbook written from the same records (taken from a backup).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { runCli } from '../../cli/commands';
import { BUILTIN_CATALOG } from '../../shared/catalog/builtin';
import { fiscalYearOf, todayIso } from '../../shared/calendar/fiscal-year';
import { standardWorkbookWithPlanningSheets } from '../../shared/excel/planning-workbook';
import { readWorkbookGrids, writeWorkbookBytes } from '../../shared/excel/sheetjs';
import type { BackupFile } from '../../shared/backup/backup-format';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const FY = fiscalYearOf(todayIso());

async function addApplication(page: Page, a: { code: string; funder: string; fy: number; direct: number; indirect: number; probability?: number }) {
  await page.click('nav a[data-screen="applications"]');
  await page.click('[data-testid="app-add"]');
  const form = page.locator('[data-testid="application-form"]');
  await form.locator('input[name="code"]').fill(a.code);
  await form.locator('input[name="title"]').fill(`課題 ${a.code}`);
  await form.locator('input[name="funderName"]').fill(a.funder);
  await form.locator('input[name="pi"]').fill('山田 太郎');
  await form.locator('input[name="department"]').fill('医学部');
  await form.locator('input[name="eradDeadline"]').fill(`${a.fy}-05-20`);
  if (a.probability !== undefined) await form.locator('input[name="probability"]').fill(String(a.probability));
  await form.locator('[data-testid="add-year"]').click();
  await form.locator('input[name="fy-0"]').fill(String(a.fy));
  await form.locator('input[name="direct-0"]').fill(String(a.direct));
  await form.locator('input[name="indirect-0"]').fill(String(a.indirect));
  await form.locator('[data-testid="application-save"]').click();
  await page.waitForSelector(`[data-testid="applications-table"] tr[data-code="${a.code}"]`);
}

async function dashYen(page: Page, fy: number, kind: string): Promise<number> {
  await page.click('nav a[data-screen="dashboard"]');
  const cell = page.locator(`[data-testid="dash-forecast"] tr[data-fy="${fy}"] td[data-kind="${kind}"]`);
  await cell.waitFor();
  return Number(await cell.getAttribute('data-yen'));
}

describe('planning', () => {
  it('plans, submits and awards; flags effort; the what-if moves chart and workbook; the Dashboard agrees with cli forecast', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // A tracked call due today shows in the Deadlines calendar and goes out in the .ics export.
    await page.click('nav a[data-screen="deadlines"]');
    await page.fill('[data-testid="call-form"] input[name="name"]', '2027年度 公募E2E');
    await page.fill('[data-testid="call-form"] input[name="funderName"]', 'JSPS');
    await page.fill('[data-testid="call-form"] input[name="deadline"]', todayIso());
    await page.click('[data-testid="call-add"]');
    await page.waitForSelector('[data-testid="tracked-calls"] tr[data-call]');
    await expect.poll(() => page.locator(`.mc-cell[data-date="${todayIso()}"] [data-event$="-deadline"]`).textContent()).toContain('2027年度 公募E2E');
    const [ics] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-ics"]')]);
    expect(readFileSync((await ics.path())!, 'utf8')).toContain('公募締切: 2027年度 公募E2E');

    // Planned with 50 %: expected, not committed.
    await addApplication(page, { code: 'E2E-A', funder: 'JST', fy: FY, direct: 10_000_000, indirect: 3_000_000, probability: 50 });
    await expect.poll(() => dashYen(page, FY, 'expected-direct')).toBe(5_000_000);
    expect(await dashYen(page, FY, 'committed-direct')).toBe(0);

    await page.click('nav a[data-screen="applications"]');
    await page.click('tr[data-code="E2E-A"] [data-action="submit"]');
    await page.waitForSelector('tr[data-code="E2E-A"][data-status="submitted"]');
    await page.click('tr[data-code="E2E-A"] [data-action="award"]');
    await page.waitForSelector('tr[data-code="E2E-A"][data-status="awarded"]');

    await expect.poll(() => dashYen(page, FY, 'committed-direct')).toBe(10_000_000);
    expect(await dashYen(page, FY, 'committed-indirect')).toBe(3_000_000);
    expect(await dashYen(page, FY, 'expected-direct')).toBe(0);
    await page.click('nav a[data-screen="reports"]');
    await expect.poll(() => page.locator('[data-testid="success-overall"]').textContent()).toContain('採択 1 件 ÷ 結果確定 1 件 = 100%');

    // Two more awarded projects, one researcher on all three: 40 % + 40 % + 30 % in FY2026.
    for (const code of ['E2E-B', 'E2E-C']) {
      await addApplication(page, { code, funder: 'JSPS', fy: 2026, direct: 1_000_000, indirect: 300_000 });
      await page.click(`tr[data-code="${code}"] [data-action="award"]`);
      await page.waitForSelector(`tr[data-code="${code}"][data-status="awarded"]`);
    }
    await page.click('nav a[data-screen="researchers"]');
    await page.click('[data-testid="researcher-add"]');
    await page.fill('[data-testid="researcher-form"] input[name="name"]', '佐藤 花子');
    await page.fill('[data-testid="researcher-form"] input[name="eradResearcherNumber"]', '00012345');
    await page.click('[data-testid="researcher-save"]');
    await page.waitForSelector('[data-testid="researchers-table"] td a');
    for (const [code, percent] of [['E2E-A', 40], ['E2E-B', 40], ['E2E-C', 30]] as const) {
      await page.click('nav a[data-screen="applications"]');
      await page.click(`tr[data-code="${code}"] td a`);
      await page.click('button[data-tab="members"]');
      await page.selectOption('[data-testid="member-form"] select[name="researcherId"]', { label: '佐藤 花子' });
      await page.fill('[data-testid="member-form"] input[name="effort"]', `2026:${percent}`);
      await page.click('[data-testid="member-add"]');
      await page.waitForSelector('[data-testid="project-members"] tr[data-researcher]');
    }
    await page.click('nav a[data-screen="researchers"]');
    await page.click('[data-testid="researchers-table"] td a');
    const row = page.locator('[data-testid="researcher-effort"] tr[data-fy="2026"]');
    await expect.poll(() => row.getAttribute('data-over100')).toBe('true');
    expect(await row.locator('td.num').textContent()).toBe('110%');
    await page.click('nav a[data-screen="dashboard"]');
    await expect.poll(() => page.locator('[data-testid="dash-over-committed"] li').textContent()).toContain('佐藤 花子');
    expect(await page.locator('[data-testid="dash-over-committed"] li [data-fy="2026"]').textContent()).toContain('110%');

    // What-if: a pending NEDO application (expected 2,000,000 direct at 50 %) doubled moves the chart and the workbook.
    await addApplication(page, { code: 'E2E-W', funder: 'NEDO', fy: FY, direct: 4_000_000, indirect: 0, probability: 50 });
    await page.click('nav a[data-screen="reports"]');
    const expectedCell = page.locator(`[data-testid="report-forecast"] tr[data-fy="${FY}"] td[data-kind="expected-direct"]`);
    await expect.poll(() => expectedCell.getAttribute('data-yen')).toBe('2000000');
    const chartBefore = await page.locator('[data-testid="report-forecast-section"] svg').first().innerHTML();
    const workbookBefore = await exportedExpected(page);
    await page.selectOption('#whatif-program', { label: 'NEDO' });
    await page.fill('#whatif-percent', '100');
    await expect.poll(() => expectedCell.getAttribute('data-yen')).toBe('4000000');
    expect(await page.locator('[data-testid="report-forecast-section"] svg').first().innerHTML()).not.toBe(chartBefore);
    expect(workbookBefore).toBe(2_000_000);
    expect(await exportedExpected(page)).toBe(4_000_000);

    // The Dashboard's figures equal cli forecast on a workbook written from the same records (the app's backup).
    const dashboard: Record<string, number>[] = [];
    for (let fy = FY; fy < FY + 5; fy++) {
      const rowYen: Record<string, number> = {};
      for (const kind of ['committed', 'expected', 'atRisk']) {
        for (const part of ['direct', 'indirect']) rowYen[`${kind}-${part}`] = await dashYen(page, fy, `${kind}-${part}`);
      }
      dashboard.push(rowYen);
    }
    await page.click('nav a[data-screen="settings"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="backup-now"]')]);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as BackupFile;
    const dir = mkdtempSync(path.join(tmpdir(), 'gp-plan-e2e-'));
    try {
      const file = path.join(dir, 'same-data.xlsx');
      const t = backup.tables;
      writeFileSync(file, writeWorkbookBytes(standardWorkbookWithPlanningSheets({
        projects: t.projects, budgetLines: t.budgetLines, milestones: t.milestones, programs: BUILTIN_CATALOG.programs, lang: 'ja',
        applications: t.applications ?? [], researchers: t.researchers ?? [], memberships: t.memberships ?? [],
      })));
      let out = '';
      const code = runCli(['forecast', file, '--from', String(FY), '--years', '5'], {
        readFile: (p: string) => new Uint8Array(readFileSync(p)), writeFile: () => undefined, stdout: (s: string) => void (out += s), stderr: () => undefined,
      }, new Date());
      expect(code).toBe(0);
      const cli = JSON.parse(out) as { years: { fiscalYear: number; committed: { directYen: number; indirectYen: number }; expected: { directYen: number; indirectYen: number }; atRisk: { directYen: number; indirectYen: number } }[] };
      const fromCli = cli.years.map((y) => ({
        'committed-direct': y.committed.directYen, 'committed-indirect': y.committed.indirectYen, 'expected-direct': y.expected.directYen,
        'expected-indirect': y.expected.indirectYen, 'atRisk-direct': y.atRisk.directYen, 'atRisk-indirect': y.atRisk.indirectYen,
      }));
      expect(dashboard).toEqual(fromCli);
      expect(dashboard[0]!['committed-direct']).toBe(FY === 2026 ? 12_000_000 : 10_000_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  });
});

/** Exports the report workbook and reads the forecast sheet's expected direct yen for the current fiscal year. */
async function exportedExpected(page: Page): Promise<number> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-export"]')]);
  const { sheets } = readWorkbookGrids(new Uint8Array(readFileSync((await download.path())!)));
  const sheet = sheets.find((s) => s.name === '資金見通し')!;
  const header = sheet.rows.findIndex((r) => r[0] === '年度');
  const expectedCol = sheet.rows[header]!.indexOf('見込み 直接経費（円）');
  const row = sheet.rows.find((r) => r[0] === FY)!;
  return Number(row[expectedCol]);
}

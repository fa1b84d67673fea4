// The Reports screen's long lists with a few hundred projects in Chromium: the schedule and the risk list, and the
// by-program chart's groups, are put in the DOM a slice at a time (fewer with the rest of the report, more on the
// following frames), and end with the whole page of each, in the report's order, as before the slicing.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';
import { dumpStores } from './idb';
import { importGeneratedBook } from './steps';
import type { Milestone, Project } from '../../shared/domain/types';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The rows of each list the screen shows (ReportsScreen's LIST_PAGE). */
const PAGE = 300;

describe('Reports screen lists', () => {
  it('puts the schedule and the risk list in the DOM in slices and ends with every row of the page', async () => {
    app = await startApp();
    const page = app.page;
    await importGeneratedBook(page, 300);
    const { milestones, projects } = (await dumpStores(page, ['milestones', 'projects'])) as { milestones: Milestone[]; projects: Project[] };
    const codeOf = new Map(projects.map((p) => [p.id, p.code]));
    const from = '2000-04-01';
    const to = '2099-03-31';
    const expected = milestones
      .filter((m) => m.dueDate >= from && m.dueDate <= to)
      .map((m) => ({ due: m.dueDate, code: codeOf.get(m.projectId) ?? '' }))
      .sort((a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code))
      .slice(0, PAGE);
    expect(expected.length).toBe(PAGE);

    // Every row count each list had in the DOM, recorded as React commits them (a MutationObserver: no commit missed).
    await page.evaluate(() => {
      const seen: Record<string, number[]> = { 'report-schedule': [], 'report-risks': [], chart: [] };
      (window as unknown as { rowCounts: typeof seen }).rowCounts = seen;
      const record = () => {
        for (const id of Object.keys(seen)) {
          const n = id === 'chart'
            ? document.querySelectorAll('figure[data-chart="report-by-program"] [data-group]').length
            : document.querySelectorAll(`[data-testid="${id}"] tbody tr`).length;
          const list = seen[id]!;
          if (n > 0 && list.at(-1) !== n) list.push(n);
        }
      };
      new MutationObserver(record).observe(document.body, { childList: true, subtree: true });
    });
    await page.click('nav a[data-screen="reports"]');
    await page.waitForSelector('section.reports[data-ready="true"]');
    await page.fill('#report-from', from);
    await page.fill('#report-to', to);
    const schedule = page.locator('[data-testid="report-schedule"] tbody tr');
    await expect.poll(() => schedule.count(), { timeout: 20_000 }).toBe(PAGE);
    const risks = page.locator('[data-testid="report-risks"] tbody tr');
    const risksMore = await page.locator('[data-testid="report-risks-more"]').count();
    const riskRows = await risks.count();
    expect(riskRows).toBeGreaterThan(0);
    if (risksMore > 0) expect(riskRows).toBe(PAGE);

    const dues = await schedule.locator('td:nth-child(1)').allTextContents();
    const codes = await schedule.locator('td:nth-child(2)').allTextContents();
    expect(dues.map((due, i) => ({ due, code: codes[i] }))).toEqual(expected);
    expect(await page.textContent('[data-testid="report-schedule-more"]')).toContain(String(milestones.length - PAGE));

    // The by-program chart: a group per row of the table beside it, which screen readers are pointed to (no hidden copy).
    const figure = page.locator('figure[data-chart="report-by-program"]');
    const programRows = await page.locator('[data-testid="report-by-program"] tbody tr').count();
    expect(programRows).toBeGreaterThan(60);
    await expect.poll(() => figure.locator('[data-group]').count()).toBe(programRows);
    expect(await figure.locator('table').count()).toBe(0);
    expect(await figure.locator('svg').getAttribute('aria-details')).toBe('report-by-program');
    expect(await page.locator('table#report-by-program').count()).toBe(1);
    expect(await figure.locator('[data-action="chart-save-svg"]').isEnabled()).toBe(true);

    // Each list first came in with fewer rows than its page, then grew to all of it; the chart's groups too.
    const counts = await page.evaluate(() => (window as unknown as { rowCounts: Record<string, number[]> }).rowCounts);
    expect(counts.chart![0]).toBeLessThan(programRows);
    expect(counts.chart!.at(-1)).toBe(programRows);
    for (const [id, total] of [['report-schedule', PAGE], ['report-risks', riskRows]] as const) {
      const seen = counts[id]!;
      expect(seen[0]).toBeLessThan(total);
      expect(seen.at(-1)).toBe(total);
      expect(seen.length).toBeGreaterThan(2);
    }

    // Off-screen sections and tables are skipped by layout on screen, never on paper.
    const visibility = () => page.$$eval('.report-section, .report-section > table.data', (els) => [...new Set(els.map((e) => getComputedStyle(e).contentVisibility))]);
    expect(await visibility()).toEqual(['auto']);
    await page.emulateMedia({ media: 'print' });
    expect(await visibility()).toEqual(['visible']);
  });
});

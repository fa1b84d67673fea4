// The Deadlines screen with a few hundred open items in Chromium: a view's total against the stored items, its first
// page put in the DOM a part at a time as the list is scrolled (in due-date order, all of the page by its end, then
// "show more"), and a tab switched away and back showing the same total.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession } from './harness';
import { dumpStores } from './idb';
import { failNextPut, importGeneratedBook } from './steps';
import { todayIso } from '../../shared/calendar/fiscal-year';
import type { Milestone } from '../../shared/domain/types';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The page a view reads per group (DeadlinesScreen's PAGE). */
const PAGE = 200;

describe('Deadlines screen', () => {
  it('shows a view\'s total and its first page by due date, rows added as the list is scrolled, then "show more"', async () => {
    app = await startApp();
    const page = app.page;
    await importGeneratedBook(page, 300);
    const today = todayIso();
    const { milestones } = (await dumpStores(page, ['milestones'])) as { milestones: Milestone[] };
    const overdue = milestones.filter((m) => m.status === 'planned' && m.dueDate < today).map((m) => m.dueDate).sort();
    expect(overdue.length).toBeGreaterThan(PAGE);

    await page.click('nav a[data-screen="deadlines"]');
    await page.waitForSelector('section.deadlines-screen[data-ready="true"]');
    const view = async (v: string) => {
      await page.click(`[role="tablist"] [data-view="${v}"]`);
      return Number(await page.getAttribute(`section.deadlines-screen[data-view="${v}"][data-ready="true"]`, 'data-total'));
    };
    expect(await view('overdue')).toBe(overdue.length);
    const rows = page.locator('.deadline-group tr[data-milestone]');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(PAGE);
    expect(await page.locator('.deadline-group .more').count()).toBe(0);

    // Scrolled to the end of what is in, more rows come in, until the whole page is there and "show more" follows.
    await expect
      .poll(async () => {
        await page.evaluate(() => document.querySelector('.deadline-group .rows-end')?.scrollIntoView({ block: 'end' }));
        return rows.count();
      }, { timeout: 20_000 })
      .toBe(PAGE);
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toEqual(overdue.slice(0, PAGE));
    expect(await page.locator('.deadline-group .more').count()).toBe(1);

    // Another tab and back: the same total (kept with the store's revision), the first rows again in order.
    await view('next30');
    expect(await view('overdue')).toBe(overdue.length);
    expect(await rows.first().locator('td:nth-child(2)').textContent()).toBe(overdue[0]);
    // Marking one done moves the count.
    await rows.first().locator('button[data-action^="mark-"]').click();
    await expect.poll(() => page.getAttribute('section.deadlines-screen', 'data-total')).toBe(String(overdue.length - 1));
  });

  it('takes marked rows out of the view at once, brings them back when the write fails, and undoes a mark exactly', async () => {
    app = await startApp();
    const page = app.page;
    await importGeneratedBook(page, 120);
    const stored = async () => ((await dumpStores(page, ['milestones'])) as { milestones: Milestone[] }).milestones.sort((a, b) => (a.id < b.id ? -1 : 1));
    const original = await stored();
    const screen = 'section.deadlines-screen';
    await page.click('nav a[data-screen="deadlines"]');
    await page.click(`[role="tablist"] [data-view="overdue"]`);
    const n = Number(await page.getAttribute(`${screen}[data-view="overdue"][data-ready="true"]`, 'data-total'));
    expect(n).toBeGreaterThan(1);

    // A write that fails (the milestones store refuses its next put): the row leaves, then comes back with the job's
    // error, and nothing is stored.
    const first = await page.getAttribute(`${screen} tr[data-milestone]`, 'data-milestone');
    await failNextPut(page, 'milestones');
    await page.click(`${screen} tr[data-milestone="${first}"] button[data-action^="mark-"]`);
    await page.waitForSelector('[data-testid="mark-job"][data-phase="failed"]');
    await page.waitForSelector(`${screen}[data-total="${n}"] tr[data-milestone="${first}"]`);
    expect(await stored()).toEqual(original);

    // Marked done: gone from the view and its count; stored done; undo (enabled once committed) restores it exactly.
    await page.click(`${screen} tr[data-milestone="${first}"] button[data-action^="mark-"]`);
    await page.waitForSelector(`${screen}[data-total="${n - 1}"]`);
    expect(await page.locator(`${screen} tr[data-milestone="${first}"]`).count()).toBe(0);
    await expect.poll(async () => (await stored()).find((m) => m.id === first)?.status).not.toBe('planned');
    await page.click(`${screen} .undo-button:not([disabled])`);
    await page.waitForSelector(`${screen}[data-total="${n}"] tr[data-milestone="${first}"]`);
    expect(await stored()).toEqual(original);

    // Every item of the view at once: the view empties, then comes back whole with the undo.
    await page.click(`${screen} [data-action="select-all"]`);
    await page.waitForSelector(`${screen}[data-selected="${n}"]`);
    await page.click(`${screen} [data-action="bulk-done"]`);
    await page.waitForSelector(`${screen}[data-total="0"]`);
    const marked = await stored();
    // An undo that fails: the rows come back at once, then leave again with the undo's message; nothing is undone.
    await failNextPut(page, 'milestones');
    await page.click(`${screen} .undo-button:not([disabled])`);
    await page.waitForSelector(`[data-testid="deadlines-status"]:has-text("元に戻せません"), [data-testid="deadlines-status"]:has-text("could not")`);
    await page.waitForSelector(`${screen}[data-total="0"]`);
    expect(await stored()).toEqual(marked);
    // Undone: the whole view at once (the page from before the mark), then stored exactly as before once written.
    await page.click(`${screen} .undo-button:not([disabled])`);
    await page.waitForSelector(`${screen}[data-total="${n}"]`);
    await page.waitForSelector('[data-testid="undo-job"][data-phase="running"]', { state: 'detached' });
    await expect.poll(stored).toEqual(original);
    await page.waitForSelector(`${screen}[data-total="${n}"]`);
  });
});

// The project list read ahead after start (main.tsx → readProjectListAhead, then readTimelineAhead): the Projects and
// Timeline screens show the stored projects whether opened before the read-ahead ran or after it, and a write made
// after the read-ahead but before the first open is shown, never the snapshot read ahead.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { importGeneratedBook } from './steps';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The Projects screen opened from the side navigation: its count line and the codes of its first rows. */
async function openProjects(page: Page): Promise<{ count: string; codes: string[] }> {
  await page.click('nav a[data-screen="projects"]');
  const count = page.locator('section.projects-screen [data-testid="projects-count"][data-query=""]');
  await count.waitFor({ timeout: 60_000 });
  const rows = page.locator('[data-testid="project-rows"] [role="row"][data-code]');
  await expect.poll(() => rows.count()).toBeGreaterThan(3);
  return { count: (await count.textContent()) ?? '', codes: (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!))).slice(0, 3) };
}

/** The Timeline opened from the side navigation: its count line and the codes and markers of its first rows. */
async function openTimeline(page: Page): Promise<{ count: string; rows: string[] }> {
  await page.click('nav a[data-screen="timeline"]');
  await page.locator('section.timeline-screen[data-ready="true"]').waitFor({ timeout: 60_000 });
  const count = (await page.locator('section.timeline-screen .screen-head .muted').textContent()) ?? '';
  const rows = await page.locator('.tl-row[data-code]').evaluateAll((els) =>
    els.slice(0, 10).map((e) => `${e.getAttribute('data-code')}:${[...e.querySelectorAll('.tl-marker')].map((m) => `${m.getAttribute('data-due')}${m.classList.contains('done') ? '+' : ''}`).join(',')}`),
  );
  return { count, rows };
}

/** The kept project-list Worker is started by the read-ahead (or by a screen): wait until it runs, then for its read. */
async function readAheadDone(page: Page): Promise<void> {
  await expect.poll(() => page.workers().some((w) => w.url().includes('project-list')), { timeout: 20_000 }).toBe(true);
  // 300 projects are read and ranked in milliseconds; the margin is for a loaded machine.
  await page.waitForTimeout(3_000);
}

/** The app with 300 projects imported (B-000001…). */
async function startWithStoredProjects(): Promise<void> {
  app = await startApp();
  await importGeneratedBook(app.page, 300);
}

/** The app restarted on its stored projects with the Dashboard shown; with `readAhead`, once the read-ahead has run. */
async function restarted(readAhead: boolean): Promise<Page> {
  const page = await app!.restart();
  await page.waitForSelector('section.dashboard[data-ready="true"]');
  if (readAhead) await readAheadDone(page);
  return page;
}

describe('project list read ahead', () => {
  it('shows the stored projects opened before and after the read-ahead, and a write made before the first open', async () => {
    await startWithStoredProjects();

    // Opened at once after a start: before the read-ahead (it waits for the app to be idle after start).
    let page = await restarted(false);
    const early = await openProjects(page);
    expect(early.count).toContain('全 300 件');
    expect(early.codes).toEqual(['B-000001', 'B-000002', 'B-000003']);

    // Opened after the read-ahead finished: the same rows.
    page = await restarted(true);
    const late = await openProjects(page);
    expect(late).toEqual(early);

    // Read ahead, then 20 projects added by an import before the first open: the list shows them.
    page = await restarted(true);
    await importGeneratedBook(page, 320);
    const after = await openProjects(page);
    expect(after.count).toContain('全 320 件');
    await page.click('[data-testid="project-rows"] [data-sort="code"]');
    await page.waitForSelector('[data-testid="projects-count"][data-sort="code:desc"]');
    await expect.poll(() => page.locator('[data-testid="project-rows"] [role="row"][data-code]').first().getAttribute('data-code')).toBe('B-000320');
  });
});

describe('timeline read ahead', () => {
  it('shows the same rows and markers opened before and after the read-ahead, and a write made before the first open', async () => {
    await startWithStoredProjects();

    // Opened at once after a start: the layout and markers asked by the screen itself.
    let page = await restarted(false);
    const early = await openTimeline(page);
    expect(early.count).toContain('300');
    expect(early.rows.some((r) => /:\d{4}-/.test(r))).toBe(true);

    // Opened after the read-ahead (layout and first rows' markers kept in the Worker): the same rows and markers.
    page = await restarted(true);
    expect(await openTimeline(page)).toEqual(early);

    // Read ahead, then 20 projects added by an import before the first open: the Timeline counts them.
    page = await restarted(true);
    await importGeneratedBook(page, 320);
    expect((await openTimeline(page)).count).toContain('320');
  });
});

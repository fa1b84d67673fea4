// The portfolio end to end: a project mapped to 開発実践タイプ gets its two stage gates (end of project years 1 and 2)
// on the Deadlines screen and the Timeline; a gate is marked passed; the deadlines export as .ics; a B-cure project
// past the program period is flagged; a project goes to the trash and comes back; an edit is undone.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function createProject(page: Page, p: { code: string; title: string; programId: string; trackId?: string; start: string; end: string }) {
  await page.click('nav a[data-screen="projects"]');
  await page.click('[data-action="new-project"]');
  await page.fill('#pf-code', p.code);
  await page.fill('#pf-title', p.title);
  await page.fill('#pf-pi', '山田 太郎');
  await page.fill('#pf-department', '医学研究科');
  await page.selectOption('#pf-programId', p.programId);
  if (p.trackId) await page.selectOption('#pf-trackId', p.trackId);
  await page.fill('#pf-startDate', p.start);
  await page.fill('#pf-endDate', p.end);
  await page.selectOption('#pf-status', 'active');
  await page.click('#pf-submit');
  await expect.poll(() => page.locator('#detail-title').textContent()).toBe(p.title);
}

describe('portfolio', () => {
  it('creates, schedules, exports, flags, trashes, restores and undoes', async () => {
    app = await startApp({ locale: 'ja-JP' });
    const page = app.page;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());

    // 1. A 開発実践タイプ project starting 2025-04-01 gets gates at the end of project years 1 and 2.
    await createProject(page, {
      code: 'A-2025-001', title: '次世代内視鏡の開発', programId: 'medical-device-development', trackId: 'medical-device-development/practical',
      start: '2025-04-01', end: '2028-03-31',
    });
    await expect.poll(() => page.getByTestId('projects-status').textContent()).toContain('2');
    await page.click('[data-tab="milestones"]');
    await expect.poll(() => page.locator('.milestone-table tbody tr').count()).toBe(2);
    expect(await page.locator('.milestone-table tbody tr td:first-child').allTextContents()).toEqual(['2026-03-31', '2027-03-31']);

    // Budget: 12,000 千円 direct (typed with full-width digits) fills indirect with 30% (3,600 千円).
    await page.click('[data-tab="budget"]');
    await page.fill('tr[data-fy="2025"] input[aria-label^="直接経費"]', '１２，０００');
    await expect.poll(() => page.inputValue('tr[data-fy="2025"] input[aria-label^="間接経費"]')).toBe('3600');
    await page.click('tr[data-fy="2025"] [data-action="save-budget"]');
    await expect.poll(() => page.getByTestId('budget-total').textContent()).toBe('15,600千円');

    // 2. Both appear on the Deadlines screen (all open items); mark the first passed in one click.
    await page.click('nav a[data-screen="deadlines"]');
    await page.click('[data-view="all"]');
    const gates = page.locator('tr[data-kind="stage-gate"]');
    await expect.poll(() => gates.count()).toBe(2);
    expect(await gates.locator('td:nth-child(2)').allTextContents()).toEqual(['2026-03-31', '2027-03-31']);
    await gates.first().locator('[data-action="mark-passed"]').click();
    await expect.poll(() => gates.count()).toBe(1);

    // 3. Export the open deadlines as .ics and read the file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-ics"]')]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('VERSION:2.0\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270331\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20270401\r\n');
    expect(ics).not.toContain('DTSTART;VALUE=DATE:20260331');
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:[A-2025-001] ステージゲート(SG)評価（2年目経過時）');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);

    // 4. The Timeline shows both gates as markers on the project's row, the passed one as done.
    await page.click('nav a[data-screen="timeline"]');
    const row = page.locator('.tl-row[data-code="A-2025-001"]');
    await expect.poll(() => row.locator('.tl-marker').count()).toBe(2);
    expect(await row.locator('.tl-marker').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-due')}:${e.classList.contains('done')}`)).then((l) => l.sort())).toEqual(['2026-03-31:true', '2027-03-31:false']);
    await expect.poll(() => page.locator('.tl-group[data-program="medical-device-development"] .tl-period').count()).toBe(1);
    // The markers are kept per snapshot in the project-list Worker: a mark, then its undo, each shows on the next visit.
    const markers = () => row.locator('.tl-marker').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-due')}:${e.classList.contains('done')}`).sort());
    await page.click('nav a[data-screen="deadlines"]');
    await page.click('[data-view="all"]');
    await expect.poll(() => gates.count()).toBe(1);
    await gates.first().locator('[data-action="mark-passed"]').click();
    await expect.poll(() => gates.count()).toBe(0);
    await page.click('nav a[data-screen="timeline"]');
    await expect.poll(markers).toEqual(['2026-03-31:true', '2027-03-31:true']);
    await page.click('nav a[data-screen="deadlines"]');
    await page.click('[data-view="all"]');
    await page.click('.deadlines-screen .undo-button:not([disabled])');
    await expect.poll(() => gates.count()).toBe(1);
    await page.click('nav a[data-screen="timeline"]');
    await expect.poll(markers).toEqual(['2026-03-31:true', '2027-03-31:false']);

    // 5. A B-cure project ending in FY2027 runs past the program (ends 令和7年度) and is flagged.
    await createProject(page, { code: 'B-2025-002', title: 'バイオバンク利活用研究', programId: 'b-cure', start: '2025-04-01', end: '2028-03-31' });
    await expect.poll(() => page.locator('.vtable-row[data-code="B-2025-002"] [data-risk="past-program-period"]').count()).toBe(1);
    await expect.poll(() => page.locator('.vtable-row[data-code="A-2025-001"] [data-risk="past-program-period"]').count()).toBe(0);
    // Free-text search (texts from the list Worker, or built on the page): full-width letters fold, every term must
    // match, and deleting back shows every row again.
    const codes = () => page.locator('.vtable-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')).sort());
    const all = await codes();
    expect(all.length).toBeGreaterThan(1);
    const search = page.locator('input.filter-text');
    await search.fill('ｂ-2025');
    await expect.poll(codes).toEqual(['B-2025-002']);
    await search.fill('ｂ-2025 バイオ');
    await expect.poll(codes).toEqual(['B-2025-002']);
    await search.fill('ｂ-2025 バイオ 2025-001');
    await expect.poll(codes).toEqual([]);
    await search.fill('ｂ-2025');
    await expect.poll(codes).toEqual(['B-2025-002']);
    await search.fill('');
    await expect.poll(codes).toEqual(all);
    await page.click('nav a[data-screen="dashboard"]');
    await expect.poll(() => page.locator('li[data-risk="past-program-period"][data-code="B-2025-002"]').count()).toBe(1);
    await expect.poll(() => page.locator('.totals-table tr[data-key="2025"] td:nth-child(4)').textContent()).toBe('15,600千円');

    // 6. Delete (confirmed) moves it to the trash; restore brings it back.
    await page.click('nav a[data-screen="projects"]');
    await page.locator('.vtable-row[data-code="B-2025-002"]').dblclick();
    await page.click('[data-action="delete-project"]');
    await expect.poll(() => page.locator('.vtable-row[data-code="B-2025-002"]').count()).toBe(0);
    // The dashboard's counts by status (a stored row kept with every write) follow the trash.
    const activeCount = () => page.locator('.count-card[data-status="active"] .count-num').textContent();
    await page.click('nav a[data-screen="dashboard"]');
    await expect.poll(activeCount).toBe('1');
    await page.click('nav a[data-screen="projects"]');
    await page.click('[data-action="trash"]');
    await page.locator('.trash-view tr[data-code="B-2025-002"] button').click();
    await expect.poll(() => page.locator('.vtable-row[data-code="B-2025-002"]').count()).toBe(1);
    await page.click('nav a[data-screen="dashboard"]');
    await expect.poll(activeCount).toBe('2');
    await page.click('nav a[data-screen="projects"]');

    // 7. Edit a title, then undo it.
    await page.locator('.vtable-row[data-code="A-2025-001"]').dblclick();
    await page.fill('#pf-title', '改題した課題名');
    await page.click('#pf-submit');
    await expect.poll(() => page.locator('.vtable-row[data-code="A-2025-001"] .col-title').textContent()).toBe('改題した課題名');
    await page.click('.undo-button');
    await expect.poll(() => page.locator('.vtable-row[data-code="A-2025-001"] .col-title').textContent()).toBe('次世代内視鏡の開発');
    await expect.poll(() => page.inputValue('#pf-title')).toBe('次世代内視鏡の開発');
    await page.click('[data-tab="log"]');
    // Two undos in the project's log: the gate's mark undone in step 4, and this edit.
    await expect.poll(() => page.locator('.audit-table tr[data-action="undo"]').count()).toBe(2);

    // Keyboard: arrows move the selection, Enter opens.
    await page.locator('[data-testid="project-rows"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#detail-title').textContent()).toBe('バイオバンク利活用研究');

    expect(errors).toEqual([]);
  });
});

// Office-wide sync end to end: two Chromium profiles (Alice's and Bob's desktops) signed in to the CouchDB stand-in
// through Settings → 共有（同期）. A project created on one appears on the other; edits to different fields made while
// both are offline merge; the same amount changed on both goes to 要確認 with both values and is resolved; the trash
// and its restore propagate; a backup restored while sync is on reaches the colleague; an import of 2,000 projects
// arrives complete even when the receiving browser is killed mid-download; a user who is not a member gets a plain
// sign-in error.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStandardWorkbook } from '../../bench/generate';
import { createOfficeDb, startCouchServer, testPassword } from '../sync/couch-server';
import type { CouchServer } from '../sync/couch-server';
import { startApp } from './harness';
import type { AppSession, Page } from './harness';
import { countStores, dumpStores } from './idb';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: CouchServer;
let alice: AppSession;
let bob: AppSession;
const OFFICE = 'office';

beforeAll(async () => {
  server = await startCouchServer({ cors: true, users: ['alice', 'bob', 'mallory'] });
  await createOfficeDb(server, OFFICE, ['alice', 'bob']);
  alice = await startApp({ syncOrigin: server.url });
  bob = await startApp({ syncOrigin: server.url });
  for (const app of [alice, bob]) app.page.on('dialog', (d) => void d.accept());
}, 120_000);

afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await server?.stop();
});

/** Settings → 共有（同期）: sign in (or resume) and wait for the first round to finish. */
async function signIn(page: Page, user: string, password = testPassword(user)): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.waitForSelector('#sync-url');
  if (await page.locator('#sync-url').isEnabled()) {
    await page.fill('#sync-url', `${server.url}/${OFFICE}`);
    await page.fill('#sync-user', user);
  }
  await page.fill('#sync-password', password);
  await page.click('#sync-start');
}

async function waitSynced(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#sync-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('idle');
}

interface ProjectRow {
  id: string;
  code: string;
  title: string;
  notes: string;
  deletedAt: string | null;
}

async function projectByCode(page: Page, code: string): Promise<ProjectRow | undefined> {
  const { projects } = await dumpStores(page, ['projects']);
  return (projects as ProjectRow[]).find((p) => p.code === code);
}

async function openProject(page: Page, id: string, tab: 'info' | 'budget' = 'info'): Promise<void> {
  await page.evaluate((pid) => (window.location.hash = `#/projects/${pid}`), id);
  await page.waitForSelector('#detail-title');
  await page.click(`[data-tab="${tab}"]`);
}

async function createProject(page: Page, code: string, title: string): Promise<void> {
  await page.click('nav a[data-screen="projects"]');
  await page.click('[data-action="new-project"]');
  await page.fill('#pf-code', code);
  await page.fill('#pf-title', title);
  await page.fill('#pf-pi', '山田 太郎');
  await page.fill('#pf-department', '医学研究科');
  await page.selectOption('#pf-programId', 'medical-device-development');
  await page.fill('#pf-startDate', '2025-04-01');
  await page.fill('#pf-endDate', '2027-03-31');
  await page.selectOption('#pf-status', 'active');
  await page.click('#pf-submit');
  await expect.poll(() => page.locator('#detail-title').textContent()).toBe(title);
}

async function setBudget(page: Page, id: string, fy: number, directThousands: number): Promise<void> {
  await openProject(page, id, 'budget');
  await page.fill(`tr[data-fy="${fy}"] input[aria-label^="直接経費"]`, String(directThousands));
  await page.click(`tr[data-fy="${fy}"] [data-action="save-budget"]`);
  await expect.poll(async () => ((await dumpStores(page, ['budgetLines'])).budgetLines as { projectId: string; fiscalYear: number; directYen: number }[]).find((l) => l.projectId === id && l.fiscalYear === fy)?.directYen).toBe(directThousands * 1000);
}

/** Offline, then back: the page is reloaded (the password is session-only) and sync resumed with one full round. */
async function backOnlineAndResume(app: AppSession, user: string): Promise<void> {
  await app.browser.setOffline(false);
  await app.page.reload();
  await signIn(app.page, user);
  await waitSynced(app.page);
}

describe('office-wide sync through the CouchDB stand-in', () => {
  it('a project created on Alice’s desktop appears on Bob’s', async () => {
    await signIn(alice.page, 'alice');
    await waitSynced(alice.page);
    await signIn(bob.page, 'bob');
    await waitSynced(bob.page);

    await createProject(alice.page, 'S-001', '共有される課題');
    await expect.poll(async () => (await projectByCode(bob.page, 'S-001'))?.title, { timeout: 30_000 }).toBe('共有される課題');
    // The colleague's audit entry arrives with it, under the signed-in CouchDB user.
    const { auditLog } = await dumpStores(bob.page, ['auditLog']);
    expect((auditLog as { user: string; syncId?: string; entityId: string }[]).some((e) => e.user === 'alice' && e.syncId?.startsWith('audit:'))).toBe(true);
    // No echo: Bob's store recorded nothing for what it received.
    expect((await countStores(bob.page, ['syncOutbox'])).syncOutbox).toBe(0);
  });

  it('edits to different fields made while both are offline merge on both desktops', async () => {
    const p = (await projectByCode(alice.page, 'S-001'))!;
    // Each opens the project while online (the browser build loads a screen's code on first use).
    for (const app of [alice, bob]) {
      await openProject(app.page, p.id);
      await openProject(app.page, p.id, 'budget');
    }
    await alice.browser.setOffline(true);
    await bob.browser.setOffline(true);
    await openProject(alice.page, p.id);
    await alice.page.fill('#pf-title', 'アリスの題名');
    await alice.page.click('#pf-submit');
    await expect.poll(async () => (await projectByCode(alice.page, 'S-001'))?.title).toBe('アリスの題名');
    await openProject(bob.page, p.id);
    await bob.page.fill('#pf-notes', 'ボブのメモ');
    await bob.page.click('#pf-submit');
    await expect.poll(async () => (await projectByCode(bob.page, 'S-001'))?.notes).toBe('ボブのメモ');

    await backOnlineAndResume(alice, 'alice');
    await backOnlineAndResume(bob, 'bob');
    for (const app of [alice, bob]) {
      await expect.poll(async () => (await projectByCode(app.page, 'S-001'))?.title, { timeout: 30_000 }).toBe('アリスの題名');
      await expect.poll(async () => (await projectByCode(app.page, 'S-001'))?.notes, { timeout: 30_000 }).toBe('ボブのメモ');
    }
    expect((await countStores(bob.page, ['syncReview'])).syncReview).toBe(0);
  });

  it('the same amount changed on both goes to 要確認 with both values, and choosing one settles it everywhere', async () => {
    const p = (await projectByCode(alice.page, 'S-001'))!;
    await setBudget(alice.page, p.id, 2025, 10_000);
    await expect.poll(async () => ((await dumpStores(bob.page, ['budgetLines'])).budgetLines as { projectId: string; directYen: number }[]).find((l) => l.projectId === p.id)?.directYen, { timeout: 30_000 }).toBe(10_000_000);

    await alice.browser.setOffline(true);
    await bob.browser.setOffline(true);
    await setBudget(alice.page, p.id, 2025, 12_000);
    await setBudget(bob.page, p.id, 2025, 9_000);
    await backOnlineAndResume(alice, 'alice');
    await backOnlineAndResume(bob, 'bob');

    for (const app of [alice, bob]) {
      await expect.poll(async () => (await countStores(app.page, ['syncReview'])).syncReview, { timeout: 30_000 }).toBe(1);
    }
    // Bob follows the badge to the list: both values, who set each.
    await bob.page.click('#sync-review-badge');
    const rows = bob.page.locator('.review-entry tr[data-field="directYen"]');
    await expect.poll(() => rows.count()).toBe(2);
    const sides = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('.review-value')?.textContent, tr.querySelector('.review-by')?.textContent]));
    expect(sides.map((s) => s[1]).sort()).toEqual(['alice', 'bob']);
    expect(sides.map((s) => s[0]).join(' ')).toMatch(/12,000/);
    expect(sides.map((s) => s[0]).join(' ')).toMatch(/9,000/);
    // The indirect amount (30% of direct, filled in by the budget editor) differs too: its own item.
    await expect.poll(() => bob.page.locator('.review-entry tr[data-field="indirectYen"]').count()).toBe(2);
    // He chooses Alice's 12,000 千円 and her indirect amount; each choice closes its item.
    await rows.filter({ hasText: 'alice' }).locator('button').click();
    await expect.poll(() => rows.count()).toBe(0);
    await bob.page.locator('.review-entry tr[data-field="indirectYen"]').filter({ hasText: 'alice' }).locator('button').click();
    for (const app of [alice, bob]) {
      await expect.poll(async () => (await countStores(app.page, ['syncReview'])).syncReview, { timeout: 30_000 }).toBe(0);
      await expect.poll(async () => ((await dumpStores(app.page, ['budgetLines'])).budgetLines as { projectId: string; fiscalYear: number; directYen: number }[]).find((l) => l.projectId === p.id && l.fiscalYear === 2025)?.directYen, { timeout: 30_000 }).toBe(12_000_000);
    }
    await expect.poll(() => bob.page.locator('#sync-review-badge').count()).toBe(0);
  });

  it('a project moved to the trash on one desktop goes to the trash on the other, and its restore comes back', async () => {
    const p = (await projectByCode(alice.page, 'S-001'))!;
    await openProject(alice.page, p.id);
    await alice.page.click('[data-action="delete-project"]');
    await expect.poll(async () => (await projectByCode(bob.page, 'S-001'))?.deletedAt ?? null, { timeout: 30_000 }).not.toBeNull();
    await bob.page.click('nav a[data-screen="projects"]');
    await bob.page.click('[data-action="trash"]');
    await bob.page.locator('.trash-view tr[data-code="S-001"] button').click();
    await expect.poll(async () => {
      const p = await projectByCode(alice.page, 'S-001');
      return p ? (p.deletedAt ?? null) : 'gone';
    }, { timeout: 30_000 }).toBeNull();
  });

  it('a backup restored on Alice’s desktop while sync is on reaches Bob’s when her sync resumes, without another edit', async () => {
    await alice.page.evaluate(() => (window.location.hash = '#/settings'));
    const [download] = await Promise.all([alice.page.waitForEvent('download'), alice.page.click('[data-testid="backup-now"]')]);
    const backupPath = path.join(alice.downloadsDir, 'before-late.json');
    await download.saveAs(backupPath);
    await createProject(alice.page, 'S-LATE', '復元で消える課題');
    await expect.poll(async () => (await projectByCode(bob.page, 'S-LATE'))?.title, { timeout: 30_000 }).toBe('復元で消える課題');

    // The restore writes a new database and the app reloads onto it. The browser build keeps no password across a
    // reload, so Alice resumes sync (the desktop app resumes by itself with its kept password); what the restore
    // changed waits in the restored database's outbox and goes then.
    await alice.page.evaluate(() => (window.location.hash = '#/settings'));
    await alice.page.setInputFiles('[data-testid="restore-input"]', backupPath);
    await alice.page.click('[data-testid="restore-confirm"]');
    await alice.page.waitForSelector('[data-testid="backup-message"][role="status"]', { timeout: 60_000 });
    expect(await projectByCode(alice.page, 'S-LATE')).toBeUndefined();
    expect((await countStores(alice.page, ['syncOutbox'])).syncOutbox).toBeGreaterThan(0);
    await signIn(alice.page, 'alice');
    await expect.poll(async () => (await projectByCode(bob.page, 'S-LATE')) ?? 'gone', { timeout: 30_000 }).toBe('gone');
    expect((await projectByCode(bob.page, 'S-001'))?.title).toBeTruthy();
  });

  it('a user who is not a member of the office database gets a plain sign-in error', async () => {
    const mallory = await startApp({ syncOrigin: server.url });
    try {
      await signIn(mallory.page, 'mallory');
      await expect.poll(() => mallory.page.locator('#sync-error').textContent(), { timeout: 30_000 }).toMatch(/メンバーではない/);
      await signIn(mallory.page, 'alice', 'wrong-password');
      await expect.poll(() => mallory.page.locator('#sync-error').textContent(), { timeout: 30_000 }).toMatch(/パスワードが違います/);
      // Nothing was turned on: no recording, no backup taken for a sign-in that failed.
      expect((await countStores(mallory.page, ['syncOutbox'])).syncOutbox).toBe(0);
    } finally {
      await mallory.close();
    }
  });

  it('an import of 2,000 projects arrives complete, even when Bob’s browser is killed mid-download', async () => {
    const book = generateStandardWorkbook(2000, 18);
    const before = await countStores(bob.page, ['projects', 'budgetLines', 'milestones']);
    const beforeProjects = before.projects ?? 0;
    await bob.page.evaluate(() => (window.location.hash = '#/settings'));
    await alice.page.click('nav a[data-screen="importExport"]');
    await alice.page.setInputFiles('#import-file', { name: 'office.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from(book.bytes) });
    await alice.page.waitForSelector('[data-testid="import-counts"]', { timeout: 120_000 });
    await alice.page.click('[data-testid="import-start"]');
    await alice.page.click('[data-testid="import-confirm"]');
    await alice.page.waitForSelector('[data-testid="import-done"]', { timeout: 120_000 });
    const expected = await countStores(alice.page, ['projects', 'budgetLines', 'milestones']);
    expect(expected.projects).toBe(beforeProjects + book.projects);

    // Kill Bob's browser once part of the portfolio has arrived.
    await expect.poll(async () => (await countStores(bob.page, ['projects'])).projects, { timeout: 120_000, interval: 20 }).toBeGreaterThan(beforeProjects);
    const partial = (await countStores(bob.page, ['projects'])).projects ?? 0;
    await bob.crash();
    console.log(`Bob killed with ${partial - beforeProjects} of ${book.projects} new projects applied`);
    const page = await bob.restart();
    await signIn(page, 'bob');
    await expect.poll(async () => countStores(page, ['projects', 'budgetLines', 'milestones']), { timeout: 300_000, interval: 500 }).toEqual(expected);
    const bobRows = (await dumpStores(page, ['projects'])).projects as ProjectRow[];
    const aliceRows = (await dumpStores(alice.page, ['projects'])).projects as ProjectRow[];
    expect(bobRows.map((r) => [r.id, r.code, r.title]).sort()).toEqual(aliceRows.map((r) => [r.id, r.code, r.title]).sort());
    // The import's audit entry arrived once.
    const imports = ((await dumpStores(page, ['auditLog'])).auditLog as { entity: string; user: string }[]).filter((e) => e.entity === 'import');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.user).toBe('alice');
  }, 600_000);
});

// Shared set-up for end-to-end tests: serves the built web app (dist/renderer) on localhost and drives Debian's
// Chromium through playwright-core. Each test gets a fresh browser profile, so IndexedDB starts empty.
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
// @ts-expect-error: plain ESM script without type declarations
import { startStaticServer } from '../../scripts/static-server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export interface AppSession {
  url: string;
  browser: BrowserContext;
  page: Page;
  downloadsDir: string;
  /** Closes the browser (keeping the profile when keepProfile) and the server. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
  /** Restarts the browser on the same profile (IndexedDB kept), as a user relaunching the app. */
  restart(): Promise<Page>;
}

export async function startApp(opts: { locale?: string } = {}): Promise<AppSession> {
  const root = path.resolve(process.env.GP_OUT_DIR ?? 'dist/renderer');
  if (!existsSync(path.join(root, 'index.html'))) throw new Error('dist/renderer is missing: run `vite build` first (npm run test:e2e does).');
  const { server, url } = (await startStaticServer(root, 0)) as { server: Server; url: string };
  const profile = mkdtempSync(path.join(tmpdir(), 'gp-e2e-'));
  const downloadsDir = mkdtempSync(path.join(tmpdir(), 'gp-dl-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: opts.locale ?? 'ja-JP',
      acceptDownloads: true,
      downloadsPath: downloadsDir,
      viewport: { width: 1280, height: 860 },
    });
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  const session: AppSession = {
    url,
    get browser() {
      return context;
    },
    get page() {
      return page;
    },
    downloadsDir,
    async close(closeOpts) {
      await context.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!closeOpts?.keepProfile) rmSync(profile, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
    },
    async restart() {
      await context.close();
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      return page;
    },
  };
  return session;
}

export type { Browser, Page };

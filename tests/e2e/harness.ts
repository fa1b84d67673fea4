// Shared set-up for end-to-end tests: serves the built web app (dist/renderer) on localhost and drives Debian's
// Chromium through playwright-core. Each test gets a fresh browser profile, so IndexedDB starts empty.
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  /** The profile folder (IndexedDB lives here). */
  profileDir: string;
  /** Process ids of this session's Chromium: the browser process first, then its descendants (Linux /proc). */
  processIds(): number[];
  /** Kills every Chromium process of the session with SIGKILL, as a power cut or a crash would (no clean shutdown). */
  crash(): Promise<void>;
}

/** Linux only: pid → parent pid, and command lines, read from /proc. */
function processTable(): { pid: number; ppid: number; cmd: string }[] {
  const out: { pid: number; ppid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The browser process started on `profile` and all its descendants. */
export function chromiumProcessIds(profile: string): number[] {
  const table = processTable();
  const root = table.find((p) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes('--type='));
  if (!root) return [];
  const ids = [root.pid];
  for (let i = 0; i < ids.length; i++) for (const p of table) if (p.ppid === ids[i]) ids.push(p.pid);
  return ids;
}

/** Resident memory (MB) of the given processes, summed. */
export function residentMb(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

/** `syncOrigin`: the CouchDB (stand-in) origin the page may connect to, as an office allows its server (docs/sharing.md). */
export async function startApp(opts: { locale?: string; syncOrigin?: string } = {}): Promise<AppSession> {
  const root = path.resolve(process.env.GP_OUT_DIR ?? 'dist/renderer');
  if (!existsSync(path.join(root, 'index.html'))) throw new Error('dist/renderer is missing: run `vite build` first (npm run test:e2e does).');
  const { server, url } = (await startStaticServer(root, 0, { syncOrigin: opts.syncOrigin })) as { server: Server; url: string };
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
    profileDir: profile,
    processIds: () => chromiumProcessIds(profile),
    async crash() {
      const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
      for (const pid of chromiumProcessIds(profile)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await closed;
    },
    async close(closeOpts) {
      await context.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!closeOpts?.keepProfile) rmSync(profile, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
    },
    async restart() {
      // After crash() the context is already gone; closing it again may reject.
      await context.close().catch(() => undefined);
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      return page;
    },
  };
  return session;
}

export type { Page };

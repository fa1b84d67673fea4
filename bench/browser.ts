// The benchmark's browser helpers, shared by bench/run.ts and the scenario modules it calls (bench/interactions.ts):
// launching headless Chromium with a long-task observer, reading the longest task and the heap, and the statistics.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-precise-memory-info'];

export interface ScenarioResult {
  scenario: string;
  oursMs: number;
  floorMs: number | null;
  ratio: number | null;
  longestTaskMs: number | null;
  heapMB: number | null;
  target: string;
  met: boolean;
  detail?: Record<string, number | string>;
}

export const log = (...a: unknown[]) => console.log('[bench]', ...a);
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
export const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export async function launch(keep: string | null = null): Promise<{ context: BrowserContext; page: Page; profile: string; keep: boolean }> {
  if (keep) mkdirSync(keep, { recursive: true });
  const profile = keep ?? mkdtempSync(path.join(tmpdir(), 'gp-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale: 'ja-JP', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions handed to page.evaluate need it defined.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // Long-task timing unavailable: the longest task is then reported as null.
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, profile, keep: keep !== null };
}

export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / 1024 / 1024;
}

export async function longestTaskSince(page: Page, since: number): Promise<number | null> {
  return page.evaluate((t) => {
    const tasks = (window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks;
    if (!tasks) return null;
    return tasks.filter((x) => x.start >= t).reduce((m, x) => Math.max(m, x.duration), 0);
  }, since);
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

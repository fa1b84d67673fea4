// The benchmark's browser helpers, shared by bench/run.ts and the scenario modules it calls (bench/interactions.ts):
// launching headless Chromium with a long-task observer, reading the longest task and the heap, and the statistics.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      });
      observer.observe({ type: 'longtask', buffered: true });
      // Also kept across reloads of the tab (a restore reloads the app), in wall-clock time: longTasksSinceWall. Written
      // once as the page goes, not per entry: rewriting the kept list on every entry was itself 4–23 ms of the page's work.
      addEventListener('pagehide', () => {
        for (const e of observer.takeRecords()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
        const kept = JSON.parse(sessionStorage.getItem('gp-bench-longtasks') ?? '[]') as KeptLongTask[];
        for (const t of w.__longTasks) kept.push({ at: performance.timeOrigin + t.start, duration: t.duration, sinceLoad: t.start });
        sessionStorage.setItem('gp-bench-longtasks', JSON.stringify(kept.slice(-2000)));
      });
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

/**
 * Waits until no long task has ended in the last 700 ms, counted from `quietFrom` at the earliest (at most 20 s), and
 * returns the longest since `t0`: work a screen does after showing its result counts too (a later frame's layout, a
 * chart drawn a frame after its data).
 */
export async function longestTaskUntilQuiet(page: Page, t0: number, quietFrom = t0): Promise<number> {
  return page.evaluate(
    ({ t0, quietFrom }) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __longTasks?: { start: number; duration: number }[] };
        const started = performance.now();
        const check = () => {
          const tasks = (w.__longTasks ?? []).filter((x) => x.start >= t0);
          const lastEnd = tasks.reduce((m, x) => Math.max(m, x.start + x.duration), quietFrom);
          if (performance.now() - lastEnd > 700 || performance.now() - started > 20_000) resolve(tasks.reduce((m, x) => Math.max(m, x.duration), 0));
          else setTimeout(check, 100);
        };
        setTimeout(check, 100);
      }),
    { t0, quietFrom },
  );
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The page's clock in wall-clock ms, for longTasksSinceWall. */
export const pageWallNow = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** A long task as kept across reloads: wall-clock start, length, and start after its page's load (where it fell). */
interface KeptLongTask {
  at: number;
  duration: number;
  sinceLoad: number;
}

/** The main-thread tasks of 50 ms or more since `since` (pageWallNow), across reloads of the tab in between. */
export async function longTasksSinceWall(page: Page, since: number): Promise<KeptLongTask[]> {
  return page.evaluate((t) => {
    const kept = JSON.parse(sessionStorage.getItem('gp-bench-longtasks') ?? '[]') as KeptLongTask[];
    const current = (window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? [];
    const all = [...kept, ...current.map((x) => ({ at: performance.timeOrigin + x.start, duration: x.duration, sinceLoad: x.start }))];
    return all.filter((x) => x.at >= t);
  }, since);
}

/** BENCH_CPUPROFILE=file.cpuprofile: a CPU profile of the page's main thread (open in DevTools), one per phase. */
export async function startProfile(page: Page) {
  if (!process.env.BENCH_CPUPROFILE) return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return cdp;
}

export async function stopProfile(cdp: Awaited<ReturnType<typeof startProfile>>, file: string): Promise<void> {
  if (!cdp) return;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
  writeFileSync(file, JSON.stringify(profile));
  await cdp.detach();
}

/** The profile file for a phase: the one given for the commit, `<name>-<phase>.cpuprofile` for the others ('' when none is asked). */
export const profileFile = (phase: string) => process.env.BENCH_CPUPROFILE?.replace(/(\.cpuprofile)?$/, (ext) => `-${phase}${ext || '.cpuprofile'}`) ?? '';

/**
 * The page's dedicated Workers whose script URL contains `match`, each with a `send` of CDP commands to it (the page's
 * own session does not see them). Attaches through the page's CDP session in the non-flat mode, the one Playwright's
 * sessions can relay; `onAttach` runs for each Worker as it is attached (those already running included).
 */
async function attachWorkers(page: Page, match: string, onAttach: (w: AttachedWorker) => void): Promise<{ workers: AttachedWorker[]; detach(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const workers: AttachedWorker[] = [];
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id === undefined) return;
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type !== 'worker' || !e.targetInfo.url.includes(match)) return;
    const send = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        const n = ++id;
        pending.set(n, resolve);
        // A Worker that ended meanwhile (a job's) answers nothing: undefined.
        cdp.send('Target.sendMessageToTarget', { sessionId: e.sessionId, message: JSON.stringify({ id: n, method, params }) }).catch(() => {
          pending.delete(n);
          resolve(undefined);
        });
      });
    const w = { url: e.targetInfo.url, send };
    workers.push(w);
    onAttach(w);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return { workers, detach: () => cdp.detach() };
}

interface AttachedWorker {
  url: string;
  send(method: string, params?: object): Promise<unknown>;
}

/** CPU profiles of a page's dedicated Workers whose script URL contains `match`, from now until `stop`. */
export async function profileWorkers(page: Page, match: string): Promise<{ stop(): Promise<{ url: string; profile: unknown }[]> }> {
  const attached = await attachWorkers(page, match, (w) => {
    void w.send('Profiler.enable').then(() => w.send('Profiler.setSamplingInterval', { interval: 500 })).then(() => w.send('Profiler.start'));
  });
  return {
    async stop() {
      const out: { url: string; profile: unknown }[] = [];
      for (const w of attached.workers) out.push({ url: w.url, profile: ((await w.send('Profiler.stop')) as { profile: unknown }).profile });
      await attached.detach();
      return out;
    },
  };
}

/** The used JavaScript heap (MB, after a forced GC) of each of the page's running Workers whose URL contains `match`. */
export async function workerHeapsMB(page: Page, match = ''): Promise<{ url: string; usedMB: number }[]> {
  const attached = await attachWorkers(page, match, () => undefined);
  // Workers already running are attached as auto-attach starts; give their events a moment to arrive.
  await new Promise((r) => setTimeout(r, 500));
  const out: { url: string; usedMB: number }[] = [];
  for (const w of attached.workers) {
    await w.send('HeapProfiler.collectGarbage');
    const usage = (await w.send('Runtime.getHeapUsage')) as { usedSize: number } | undefined;
    if (!usage) continue;
    out.push({ url: w.url.replace(/^.*\//, ''), usedMB: Math.round(usage.usedSize / 104857.6) / 10 });
  }
  await attached.detach();
  return out;
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; type?: string; data?: { url?: string; functionName?: string } } };

/**
 * A Chrome trace of the page's main thread from `start()` to `stop()`, summarised as its tasks of `minMs` or more, each
 * with the trace events inside it of 3 ms or more (the script's URL or function where the trace names one). For
 * attributing a long task the observer saw to the app or to the harness; diagnostics only.
 */
export async function traceTasks(page: Page, minMs = 50) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  let started = false;
  return {
    async start() {
      if (started) return;
      started = true;
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,blink,disabled-by-default-v8.gc', transferMode: 'ReportEvents' });
    },
    async stop(): Promise<string[]> {
      if (!started) return [];
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
      const on = events.filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined);
      const tasks = on.filter((e) => e.name === 'RunTask');
      const t0 = Math.min(...tasks.map((e) => e.ts));
      const label = (e: TraceEvent) =>
        [e.name, e.args?.data?.url?.split('/').pop(), e.args?.data?.functionName, e.args?.type].filter(Boolean).join(' ');
      return tasks.filter((t) => t.dur! >= minMs * 1000).map((t) => {
        const inside = on.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e.dur! >= 3000).sort((a, b) => a.ts - b.ts);
        return `task ${(t.dur! / 1000).toFixed(0)} ms at +${((t.ts - t0) / 1000).toFixed(0)} ms: ${inside.map((e) => `${label(e)}=${(e.dur! / 1000).toFixed(0)}`).join(', ')}`;
      });
    },
  };
}

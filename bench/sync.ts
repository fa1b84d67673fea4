// sync-50k for `npm run bench`: a colleague's first download of the office's portfolio (N projects, 2 budget lines and
// 2 milestones each) from the CouchDB stand-in into a fresh app profile, against a bare PouchDB replication of the same
// database in the same run. Kept apart from run.ts, which calls it behind `wanted('sync')`.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import type { BudgetLine, Milestone, Project } from '../shared/domain/types';
import { formatHlc } from '../shared/sync/hlc';
import { recordToDoc } from '../shared/sync/sync-docs';
import type { RecordDoc, SyncKind } from '../shared/sync/sync-docs';
// @ts-expect-error: plain ESM script without type declarations
import { startStaticServer } from '../scripts/static-server.mjs';
import { basicAuth, createOfficeDb, startCouchServer, testPassword } from '../tests/sync/couch-server';
import type { CouchServer } from '../tests/sync/couch-server';
import { appDatabaseName } from '../tests/e2e/idb';
import { profileWorkers } from './browser';
import type { ScenarioResult } from './browser';

const OFFICE = 'office';
/** The colleague who downloads; the portfolio was written by another member. */
const READER = 'alice';
const WRITER = 'bob';
/** The app's replication batch size (renderer/sync/engine.ts); the floor uses the same. */
const BATCH_SIZE = 100;

export interface SyncBenchContext {
  outDir: string;
  projects: number;
  launch: () => Promise<{ context: BrowserContext; page: Page; profile: string }>;
  longestTaskSince: (page: Page, since: number) => Promise<number | null>;
  heapMB: (page: Page) => Promise<number>;
  log: (...a: unknown[]) => void;
}

/** The portfolio as records the store holds: deterministic, valid for the sync gate, no references to a catalog. */
function* portfolioRecords(n: number): Generator<[SyncKind, object]> {
  const at = '2026-04-01T00:00:00.000Z';
  for (let i = 0; i < n; i++) {
    const id = `bench-p${i}`;
    const startYear = 2021 + (i % 5);
    const project: Project = {
      id, code: `B-${String(i + 1).padStart(6, '0')}`, title: `研究開発課題 ${i + 1}`, pi: '山田 太郎', piPosition: '', piResearcherNumber: '',
      department: '医学研究科', coInvestigators: [], partners: [], programId: null, trackId: null, funderName: 'AMED', amedNumber: '',
      eradNumber: String(20_000_000 + i), startDate: `${startYear}-04-01`, endDate: `${startYear + 3}-03-31`, status: 'active', tags: [], notes: '',
      archived: false, deletedAt: null, createdAt: at, updatedAt: at,
    };
    yield ['project', project];
    for (let fy = startYear; fy < startYear + 2; fy++) {
      const directYen = (5 + ((i * 7 + fy) % 95)) * 1_000_000;
      const line: BudgetLine = { id: `${id}-${fy}`, projectId: id, fiscalYear: fy, directYen, indirectYen: Math.floor(directYen * 0.3) };
      yield ['budgetLine', line];
    }
    for (const [kind, title, due] of [['interim-evaluation', '中間評価', `${startYear + 1}-09-30`], ['final-evaluation', '事後評価', `${startYear + 3}-03-31`]] as const) {
      const m: Milestone = { id: `${id}-${kind}`, projectId: id, kind, title, dueDate: due, status: 'planned', doneDate: null, notes: '', origin: 'user' };
      yield ['milestone', m];
    }
  }
}

/** Seeds the office database through `_bulk_docs` (as the server admin, like a restore), in the documents the app writes. */
async function seed(server: CouchServer, n: number): Promise<number> {
  const stamp = formatHlc({ wall: Date.parse('2026-04-01T00:00:00Z'), counter: 0, node: 'bench-seed' });
  let batch: RecordDoc[] = [];
  let total = 0;
  const flush = async () => {
    const res = await fetch(`${server.url}/${OFFICE}/_bulk_docs`, {
      method: 'POST',
      headers: { ...basicAuth(server.admin.name, server.admin.password), 'content-type': 'application/json' },
      body: JSON.stringify({ docs: batch }),
    });
    const out = (await res.json()) as { error?: string }[];
    if (!res.ok || out.some((r) => r.error)) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(out.find((r) => r.error) ?? out)}`);
    total += batch.length;
    batch = [];
  };
  for (const [kind, record] of portfolioRecords(n)) {
    batch.push(recordToDoc({ kind, record, previous: null, at: stamp, by: WRITER, replica: 'bench-seed' }));
    if (batch.length === 2000) await flush();
  }
  if (batch.length) await flush();
  return total;
}

/** Record counts in the app's Dexie database (read beside the app, without its modules). */
async function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const d = req.result;
          const stores = ['projects', 'budgetLines', 'milestones'];
          const tx = d.transaction(stores);
          const out: Record<string, number> = {};
          for (const s of stores) {
            const q = tx.objectStore(s).count();
            q.onsuccess = () => {
              out[s] = q.result;
            };
          }
          tx.oncomplete = () => {
            d.close();
            resolve(out);
          };
        };
      }),
    await appDatabaseName(page),
  );
}

async function buildFloorPage(outDir: string): Promise<void> {
  await build({
    entryPoints: ['bench/sync-floor-page.ts'], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', define: { global: 'globalThis' },
    outfile: path.join(outDir, 'bench-sync-floor.js'), logLevel: 'warning',
  });
  writeFileSync(path.join(outDir, 'bench-sync-floor.html'), '<!doctype html><meta charset="utf-8"><title>sync floor</title><script type="module" src="./bench-sync-floor.js"></script>');
}

export async function runSyncScenario(ctx: SyncBenchContext): Promise<ScenarioResult> {
  const n = ctx.projects;
  await buildFloorPage(ctx.outDir);
  const server = await startCouchServer({ cors: true, users: [READER, WRITER] });
  // A static server of its own: its policy allows the stand-in's origin, and its origin gives fresh IndexedDB.
  const web = (await startStaticServer(ctx.outDir, 0, { syncOrigin: server.url })) as { server: { close(): void }; url: string };
  const dbUrl = `${server.url}/${OFFICE}`;
  const opened: { context: BrowserContext; profile: string }[] = [];
  try {
    await createOfficeDb(server, OFFICE, [READER, WRITER]);
    ctx.log(`sync: seeding ${n} projects…`);
    const docs = await seed(server, n);
    ctx.log(`sync: ${docs} documents on the stand-in`);

    ctx.log('sync: floor (bare PouchDB replication)…');
    const f = await ctx.launch();
    opened.push(f);
    await f.page.goto(`${web.url}bench-sync-floor.html`);
    await f.page.waitForFunction(() => 'replicateFloor' in window);
    const f0 = await f.page.evaluate(() => performance.now());
    const floor = await f.page.evaluate(
      ([url, user, pw, bs]) => (window as unknown as { replicateFloor: (u: string, n: string, p: string, b: number) => Promise<{ ms: number; docs: number }> }).replicateFloor(url, user, pw, bs),
      [dbUrl, READER, testPassword(READER), BATCH_SIZE] as [string, string, string, number],
    );
    // The bare replication's own longest task, for context: on a busy machine PouchDB's batches alone can pass 100 ms.
    const floorLongest = await ctx.longestTaskSince(f.page, f0);
    ctx.log(`sync: floor ${floor.ms.toFixed(0)} ms, ${floor.docs} documents, longest task ${floorLongest ?? '?'} ms`);
    await f.context.close();

    ctx.log('sync: ours (a fresh profile signs in and turns sync on)…');
    const o = await ctx.launch();
    opened.push(o);
    const page = o.page;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${web.url}#/settings`);
    await page.waitForSelector('#sync-url');
    await page.fill('#sync-url', dbUrl);
    await page.fill('#sync-user', READER);
    await page.fill('#sync-password', testPassword(READER));
    const want = { projects: n, budgetLines: 2 * n, milestones: 2 * n };
    // BENCH_CPUPROFILE=file.cpuprofile (with BENCH_ONLY=sync): a CPU profile of the page's main thread during the download.
    const cdp = process.env.BENCH_CPUPROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    // BENCH_SYNC_WORKER_PROFILE=file.cpuprofile: the sync Worker's CPU profile over the download (started before the click).
    const workerProfiles = process.env.BENCH_SYNC_WORKER_PROFILE ? await profileWorkers(page, 'sync') : null;
    const t0 = await page.evaluate(() => performance.now());
    await page.click('#sync-start');
    // Generous (a run this slow misses the target anyway), so a slow run still records its numbers.
    const deadline = Date.now() + Math.max(180_000, n * 20, floor.ms * 4);
    // Done is when the app says so: it marks the status (data-round="done") once the first round's download has been
    // applied and committed in the store. Not the 'idle' state: live replication starts right after the round and shows
    // 'syncing' until it has caught up, so a poll could miss the moment of idle in between and time that too (up to
    // session 8 it waited for idle). The records are counted then, once: IndexedDB's count() walks the whole store, and
    // counting 250,000 rows every 250 ms (as this scenario did up to session 7) loaded the same IndexedDB backend the
    // download writes through, more the larger the store grew: a cost the floor never paid.
    const idleAt = await page
      .waitForFunction(() => (document.querySelector('#sync-status') as HTMLElement | null)?.dataset.round === 'done' ? performance.now() : false, undefined, { polling: 250, timeout: Math.max(0, deadline - Date.now()) })
      .then((h) => h.jsonValue() as Promise<number>);
    let counts = await storeCounts(page);
    const complete = () => Object.entries(want).every(([s, c]) => (counts[s] ?? 0) >= c);
    // A round marked done before every record was in (it should not be) is waited for, slowly, and said.
    let late = false;
    while (!complete()) {
      late = true;
      if (Date.now() > deadline) throw new Error(`sync-50k: not complete in time: ${JSON.stringify(counts)}`);
      await page.waitForTimeout(2_000);
      counts = await storeCounts(page);
    }
    const oursMs = (late ? await page.evaluate(() => performance.now()) : idleAt) - t0;
    if (late) ctx.log('sync: the round was done before every record was stored; timed to the count that found them all');
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      writeFileSync(process.env.BENCH_CPUPROFILE!, JSON.stringify(profile));
      await cdp.detach();
    }
    if (workerProfiles) {
      const [first] = await workerProfiles.stop();
      if (first) writeFileSync(process.env.BENCH_SYNC_WORKER_PROFILE!, JSON.stringify(first.profile));
      ctx.log(first ? `sync: the Worker's profile written (${first.url})` : 'sync: no sync Worker was seen to profile');
    }
    const longest = await ctx.longestTaskSince(page, t0);
    if (process.env.BENCH_VERBOSE) {
      const tasks = await page.evaluate((since) => ((window as unknown as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? []).filter((x) => x.start >= since && x.duration > 50), t0);
      ctx.log(`sync: tasks over 50 ms (ms after the click: duration): ${tasks.map((x) => `${Math.round(x.start - t0)}: ${Math.round(x.duration)}`).join(', ') || 'none'}`);
    }
    const heap = await ctx.heapMB(page);
    ctx.log(`sync: ours ${oursMs.toFixed(0)} ms, ${JSON.stringify(counts)}`);
    const ratio = oursMs / floor.ms;
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      scenario: 'sync-50k', oursMs: round(oursMs), floorMs: round(floor.ms), ratio: round(ratio), longestTaskMs: longest === null ? null : round(longest), heapMB: round(heap),
      target: '≤1.5× bare PouchDB replication, tasks ≤100 ms', met: ratio <= 1.5 && (longest ?? 0) <= 100,
      detail: { documents: docs, floorDocs: floor.docs, projects: counts.projects ?? 0, ...(floorLongest === null ? {} : { floorLongestTaskMs: round(floorLongest) }) },
    };
  } finally {
    for (const b of opened) {
      await b.context.close().catch(() => undefined);
      rmSync(b.profile, { recursive: true, force: true });
    }
    web.server.close();
    await server.stop();
  }
}

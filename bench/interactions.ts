// The working day's interactions (issue 14), measured in the built app after the big import: each one is repeated,
// timed inside the page from the user's action until the screen marks its result as shown (data-* attributes the
// screens render from the state they show) plus the frame that paints it, with every main-thread task it caused.
import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { log, longestTaskUntilQuiet, percentile, profileFile, profileWorkers, round, startProfile, stopProfile, workerHeapsMB } from './browser';
import type { ScenarioResult } from './browser';

const SHOWN_MS = 300;
const TASK_MS = 100;
const TARGET = `p95 ≤${SHOWN_MS} ms shown, tasks ≤${TASK_MS} ms`;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
/** This run's stamp (project-save's titles). */
const RUN = Date.now().toString(36);

/** What the user does (through the DOM, as a click or a choice would). */
type Act =
  | { click: string }
  | { select: string; value: string }
  | { hash: string }
  | { scroll: string; left?: number; top?: number }
  | { input: string; value: string };

/** When the result is shown: an element matching `selector` exists (with `text`, when given), or `gone` no longer
 * matches, or just the next frame (a scroll paints without React work). */
type Until = { selector: string; text?: string } | { gone: string } | { frame: true };

interface Sample {
  ms: number;
  longest: number;
}

/** One action, timed in the page: act → result shown → next frame and a task; then the long tasks it caused, read
 * once the main thread has been free of long tasks for a while (work a screen does after showing counts too). */
async function once(page: Page, act: Act, until: Until): Promise<Sample> {
  const { t0, ms } = await page.evaluate(
    ({ act, until }) =>
      new Promise<{ t0: number; ms: number }>((resolve, reject) => {
        const shown = (): boolean => {
          if ('frame' in until) return true;
          if ('gone' in until) return !document.querySelector(until.gone);
          const el = document.querySelector(until.selector);
          return !!el && (until.text === undefined || el.textContent?.trim() === until.text);
        };
        let finished = false;
        const t0 = performance.now();
        const finish = () => {
          if (finished) return;
          finished = true;
          observer.disconnect();
          clearInterval(poll);
          clearTimeout(timer);
          requestAnimationFrame(() => setTimeout(() => resolve({ t0, ms: performance.now() - t0 }), 0));
        };
        const observer = new MutationObserver(() => {
          if (shown()) finish();
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const poll = setInterval(() => {
          if (shown()) finish();
        }, 50);
        const timer = setTimeout(() => {
          observer.disconnect();
          clearInterval(poll);
          reject(new Error(`not shown within 120 s: ${JSON.stringify(until)}`));
        }, 120_000);
        const el = (sel: string) => {
          const e = document.querySelector(sel);
          if (!e) throw new Error(`no element ${sel}`);
          return e as HTMLElement;
        };
        if ('click' in act) el(act.click).click();
        else if ('hash' in act) window.location.hash = act.hash;
        else if ('scroll' in act) {
          const box = el(act.scroll);
          box.scrollLeft += act.left ?? 0;
          box.scrollTop += act.top ?? 0;
        } else {
          const target = el('select' in act ? act.select : act.input) as HTMLInputElement | HTMLSelectElement;
          const proto = target instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(target, act.value);
          target.dispatchEvent(new Event('select' in act ? 'change' : 'input', { bubbles: true }));
        }
        if ('frame' in until) finish();
      }),
    { act, until },
  );
  const longest = await longestTaskUntilQuiet(page, t0);
  return { ms, longest };
}

/** Opens a screen by its route and waits until it shows its data (not timed: the stage for an action). */
async function stage(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.waitForSelector(ready, { timeout: 120_000 });
  await longestTaskUntilQuiet(page, await page.evaluate(() => performance.now()));
}

class Recorder {
  readonly results: ScenarioResult[] = [];
  private samples = new Map<string, Sample[]>();
  private extra = new Map<string, Record<string, number | string>>();

  add(name: string, s: Sample): void {
    const list = this.samples.get(name) ?? [];
    list.push(s);
    this.samples.set(name, list);
  }

  note(name: string, detail: Record<string, number | string>): void {
    this.extra.set(name, { ...this.extra.get(name), ...detail });
  }

  /** BENCH_CPUPROFILE: the page's main thread over each stretch of one row's repeats, the stages between them included
   * (`<name>-ix-<row>.cpuprofile`, then `-2`, … when the row comes back after another). */
  private profiling: { name: string; cdp: Awaited<ReturnType<typeof startProfile>> } | null = null;
  private profiled = new Map<string, number>();

  async endProfile(): Promise<void> {
    if (!this.profiling) return;
    const { name, cdp } = this.profiling;
    this.profiling = null;
    const n = (this.profiled.get(name) ?? 0) + 1;
    this.profiled.set(name, n);
    await stopProfile(cdp, profileFile(`ix-${name}${n > 1 ? `-${n}` : ''}`));
  }

  async run(name: string, page: Page, act: Act, until: Until): Promise<void> {
    if (process.env.BENCH_CPUPROFILE && this.profiling?.name !== name) {
      await this.endProfile();
      this.profiling = { name, cdp: await startProfile(page) };
    }
    try {
      const sample = await once(page, act, until);
      this.add(name, sample);
      if (process.env.BENCH_VERBOSE) log(`${name}: ${round(sample.ms)} ms, longest task ${round(sample.longest)} ms`);
    } catch (err) {
      log(`interaction ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      this.note(name, { error: err instanceof Error ? err.message.slice(0, 200) : String(err) });
    }
  }

  finish(): ScenarioResult[] {
    const names = new Set([...this.samples.keys(), ...this.extra.keys()]);
    return [...names].map((name) => {
      const list = this.samples.get(name) ?? [];
      const p95 = list.length ? percentile(list.map((s) => s.ms), 95) : NaN;
      const longest = list.length ? Math.max(...list.map((s) => s.longest)) : NaN;
      const failed = this.extra.get(name)?.error !== undefined;
      return {
        scenario: `ix-${name}`, oursMs: round(p95)!, floorMs: null, ratio: null, longestTaskMs: round(longest), heapMB: null, target: TARGET,
        met: !failed && list.length > 0 && p95 <= SHOWN_MS && longest <= TASK_MS,
        detail: { repeats: list.length, runs: list.map((s) => round(s.ms)).join(' '), tasks: list.map((s) => round(s.longest)).join(' '), ...this.extra.get(name) },
      };
    });
  }
}

const SCREEN_READY: Record<string, string> = {
  dashboard: 'section.dashboard[data-ready="true"]',
  programs: 'section.programs-screen[data-ready="true"]',
  projects: 'section.projects-screen [data-testid="projects-count"][data-query=""]',
  deadlines: 'section.deadlines-screen[data-ready="true"]',
  timeline: 'section.timeline-screen[data-ready="true"]',
  reports: 'section.reports[data-ready="true"]',
  importExport: 'section.import-export [data-testid="export-standard"]',
  settings: 'section.settings[data-ready="true"]',
};
const SCREEN_HASH: Record<string, string> = {
  dashboard: '#/dashboard', programs: '#/programs', projects: '#/projects', deadlines: '#/deadlines', timeline: '#/timeline', reports: '#/reports', importExport: '#/import-export', settings: '#/settings',
};

async function openScreens(page: Page, rec: Recorder): Promise<void> {
  // BENCH_SCREENS=deadlines,timeline: only those screens' open-… rows (iterating on one screen).
  const only = process.env.BENCH_SCREENS?.split(',');
  for (const screen of Object.keys(SCREEN_READY).filter((s) => !only || only.includes(s))) {
    const from = screen === 'settings' ? 'dashboard' : 'settings';
    for (let i = 0; i < REPEATS; i++) {
      await stage(page, SCREEN_HASH[from]!, SCREEN_READY[from]!);
      await rec.run(`open-${screen}`, page, { click: `nav a[data-screen="${screen}"]` }, { selector: SCREEN_READY[screen]! });
    }
  }
}

const filterKey = (f: { programId?: string | null; department?: string | null; pi?: string | null; status?: string | null; fy?: number | null; archived?: boolean }) =>
  JSON.stringify([f.programId ?? null, f.department ?? null, f.pi ?? null, f.status ?? null, f.fy ?? null, f.archived ?? false]);

async function projectList(page: Page, rec: Recorder): Promise<void> {
  await stage(page, '#/projects', SCREEN_READY.projects!);
  const count = '[data-testid="projects-count"]';
  // Sort by each sortable column shown: a new column sorts ascending, the same one again descending.
  let current = { key: 'code', dir: 'asc' };
  const keys = await page.$$eval('[data-testid="project-rows"] [data-sort]', (els) => els.map((e) => e.getAttribute('data-sort')!));
  for (const key of keys) {
    for (let i = 0; i < Math.min(REPEATS, 4); i++) {
      current = current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
      await rec.run(`sort-${key}`, page, { click: `[data-testid="project-rows"] [data-sort="${key}"]` }, { selector: `${count}[data-sort="${key}:${current.dir}"]` });
    }
  }
  // Filter by each menu: a value, then back to any (both timed).
  const menus: { name: string; field: 'programId' | 'department' | 'pi' | 'status' | 'fy'; label: string }[] = [
    { name: 'program', field: 'programId', label: 'filterProgram' }, { name: 'department', field: 'department', label: 'filterDepartment' },
    { name: 'pi', field: 'pi', label: 'filterPi' }, { name: 'status', field: 'status', label: 'filterStatus' }, { name: 'fy', field: 'fy', label: 'filterFy' },
  ];
  for (const m of menus) {
    const sel = `.filters select[data-filter="${m.name}"]`;
    const values = await page.$$eval(`${sel} option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
    const any = values[0]!;
    // The menus' most used entries: values with projects behind them (the program menu's first ones are the
    // catalog's own order, so take those the list shows).
    const choices = values.slice(1).filter((v) => v !== '').slice(0, REPEATS);
    for (const v of choices) {
      const value = m.field === 'fy' ? Number(v) : v;
      await rec.run(`filter-${m.name}`, page, { select: sel, value: v }, { selector: `${count}[data-filter='${filterKey({ [m.field]: value })}']` });
      await rec.run(`filter-${m.name}`, page, { select: sel, value: any }, { selector: `${count}[data-filter='${filterKey({})}']` });
    }
  }
  for (let i = 0; i < Math.min(REPEATS, 3); i++) {
    await rec.run('filter-archived', page, { click: '.filters input[data-filter="archived"]' }, { selector: `${count}[data-filter='${filterKey({ archived: true })}']` });
    await rec.run('filter-archived', page, { click: '.filters input[data-filter="archived"]' }, { selector: `${count}[data-filter='${filterKey({})}']` });
  }
  for (const text of ['研究開発', '佐藤', 'B-0012']) {
    await rec.run('filter-text', page, { input: 'input.filter-text', value: text }, { selector: `${count}[data-query="${text}"]` });
    await rec.run('filter-text', page, { input: 'input.filter-text', value: '' }, { selector: `${count}[data-query=""]` });
  }
}

async function projectDetail(page: Page, rec: Recorder): Promise<void> {
  await stage(page, '#/projects', SCREEN_READY.projects!);
  const ids = await page.$$eval('[data-testid="project-rows"] [role="row"][id^="row-"]', (rows) => rows.slice(0, 12).map((r) => r.id.slice(4)));
  for (const id of ids.slice(0, REPEATS)) {
    await rec.run('project-open', page, { hash: `#/projects/${id}` }, { selector: `aside.detail-panel[data-project="${id}"]` });
  }
  // Edit and save: the title changed in the form, saved, and the panel's heading shows it.
  for (const [i, id] of ids.slice(0, REPEATS).entries()) {
    await stage(page, `#/projects/${id}`, `aside.detail-panel[data-project="${id}"] #pf-title`);
    // A title of this run's own, so a run on a kept profile saves a change too (the same title saves nothing).
    const title = `${(await page.inputValue('#pf-title')).replace(/ \(bench [\w-]+\)$/, '')} (bench ${RUN}-${i})`;
    await page.fill('#pf-title', title);
    await rec.run('project-save', page, { click: '#pf-submit' }, { selector: `aside.detail-panel[data-project="${id}"] #detail-title`, text: title });
  }
}

async function deadlines(page: Page, rec: Recorder): Promise<void> {
  const screen = 'section.deadlines-screen';
  await stage(page, '#/deadlines', SCREEN_READY.deadlines!);
  const views = await page.$$eval(`${screen} [role="tablist"] [data-view]`, (els) => els.map((e) => e.getAttribute('data-view')!));
  const totals: Record<string, number> = {};
  for (let i = 0; i < REPEATS; i++) {
    for (const v of [...views.slice(1), views[0]!]) {
      await rec.run('deadlines-tab', page, { click: `${screen} [role="tablist"] [data-view="${v}"]` }, { selector: `${screen}[data-view="${v}"][data-ready="true"]` });
      totals[v] = Number(await page.getAttribute(screen, 'data-total'));
    }
  }
  rec.note('deadlines-tab', { views: views.map((v) => `${v}=${totals[v]}`).join(' ') });
  // Months: forward through the year, then back.
  const month = '[data-testid="calendar-month"]';
  for (const [dir, steps] of [['next', REPEATS], ['prev', REPEATS]] as const) {
    for (let i = 0; i < steps; i++) {
      const shown = await page.getAttribute(month, 'data-month');
      const [y, m] = shown!.split('-').map(Number) as [number, number];
      const d = new Date(Date.UTC(y, m - 1 + (dir === 'next' ? 1 : -1), 1));
      const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      await rec.run('deadlines-month', page, { click: `[data-action="${dir}-month"]` }, { selector: `${month}[data-month="${key}"][data-ready="true"]` });
    }
  }
  // Mark one milestone done (the row's own button), then undo it, on the default view.
  await stage(page, '#/dashboard', SCREEN_READY.dashboard!);
  await stage(page, '#/deadlines', SCREEN_READY.deadlines!);
  for (let i = 0; i < REPEATS; i++) {
    const id = await page.getAttribute(`${screen} tr[data-milestone]`, 'data-milestone');
    if (!id) break;
    await rec.run('milestone-done', page, { click: `${screen} tr[data-milestone="${id}"] button[data-action^="mark-"]` }, { gone: `${screen} tr[data-milestone="${id}"]` });
    await page.waitForSelector(`${screen} .undo-button:not([disabled])`);
    await rec.run('milestone-undo', page, { click: `${screen} .undo-button` }, { selector: `${screen} tr[data-milestone="${id}"]` });
  }
  // Select every open item of the smallest view holding at least 1,000, mark them done in one action, undo it. As an
  // office would, the view may be narrowed to one program or one department (the screen's scope menus): the
  // candidates are every tab unscoped, and each program's and department's 未完了すべて and 期限切れ views.
  const candidates = await deadlineScopes(page, views, totals);
  const best = candidates.filter((c) => c.n >= 1000).sort((a, b) => a.n - b.n)[0];
  if (!best) {
    rec.note('bulk-done', { error: `no view with 1,000 open items (${JSON.stringify(totals)})` });
    return;
  }
  const { view: v, program, department, n } = best;
  const where = { view: v, scope: `${program || '*'}/${department || '*'}`, items: n };
  rec.note('bulk-done', where);
  rec.note('bulk-undo', where);
  const shown = `${screen}[data-view="${v}"][data-scope="${program}/${department}"][data-ready="true"]`;
  await setDeadlineScope(page, program, department);
  for (let i = 0; i < Math.min(REPEATS, 3); i++) {
    await page.click(`${screen} [role="tablist"] [data-view="${v}"]`);
    await page.waitForSelector(`${shown}[data-total="${n}"]`, { timeout: 120_000 });
    await page.click(`${screen} [data-action="select-all"]`);
    await page.waitForSelector(`${screen}[data-selected="${n}"]`);
    await rec.run('bulk-done', page, { click: `${screen} [data-action="bulk-done"]` }, { selector: `${shown}[data-total="0"]` });
    await page.waitForSelector(`${screen} .undo-button:not([disabled])`, { timeout: 120_000 });
    await rec.run('bulk-undo', page, { click: `${screen} .undo-button` }, { selector: `${shown}[data-total="${n}"]` });
    // The undo is shown before its write ends (the rows kept from before the mark): the next round starts after it.
    await page.waitForSelector(`${screen} [data-testid="undo-job"][data-phase="running"]`, { state: 'detached', timeout: 120_000 });
  }
  await setDeadlineScope(page, '', '');
}

/** Sets the Deadlines screen's program and department menus ('' = any) and waits for the view to show that scope. */
async function setDeadlineScope(page: Page, program: string, department: string): Promise<void> {
  const screen = 'section.deadlines-screen';
  await page.selectOption(`${screen} select[data-filter="program"]`, program);
  await page.selectOption(`${screen} select[data-filter="department"]`, department);
  await page.waitForSelector(`${screen}[data-scope="${program}/${department}"][data-ready="true"]`, { timeout: 120_000 });
}

/** Open items of each view a bulk action could start from: the tabs unscoped, and per program and department
 * (alone) its 未完了すべて and, when that holds 1,000, its 期限切れ view. Read untimed, from the screen's data-total. */
async function deadlineScopes(page: Page, views: string[], totals: Record<string, number>): Promise<{ view: string; program: string; department: string; n: number }[]> {
  const screen = 'section.deadlines-screen';
  const out = Object.entries(totals).map(([view, n]) => ({ view, program: '', department: '', n }));
  for (const menu of ['program', 'department'] as const) {
    const values = (await page.$$eval(`${screen} select[data-filter="${menu}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value))).filter((v) => v !== '');
    for (const value of values) {
      const [program, department] = menu === 'program' ? [value, ''] : ['', value];
      await setDeadlineScope(page, program, department);
      for (const view of ['all', 'overdue'].filter((x) => views.includes(x))) {
        await page.click(`${screen} [role="tablist"] [data-view="${view}"]`);
        const el = await page.waitForSelector(`${screen}[data-view="${view}"][data-scope="${program}/${department}"][data-ready="true"]`, { timeout: 120_000 });
        const n = Number(await el.getAttribute('data-total'));
        out.push({ view, program, department, n });
        if (n < 1000) break;
      }
    }
  }
  await setDeadlineScope(page, '', '');
  return out;
}

async function timeline(page: Page, rec: Recorder): Promise<void> {
  const box = '[data-testid="timeline"]';
  await stage(page, '#/timeline', SCREEN_READY.timeline!);
  for (let i = 0; i < REPEATS; i++) {
    for (const z of ['months', 'years']) {
      await rec.run('timeline-zoom', page, { click: `[data-zoom="${z}"]` }, { selector: `${box}[data-zoom-shown="${z}"]` });
    }
  }
  // A year is 12 months at the scale shown (years: 7 px a month).
  for (let i = 0; i < REPEATS; i++) {
    await rec.run('timeline-scroll-year', page, { scroll: box, left: i % 2 ? -84 : 84 }, { frame: true });
    await page.waitForTimeout(100);
    await rec.run('timeline-scroll-rows', page, { scroll: box, top: 2000 }, { frame: true });
    await page.waitForTimeout(100);
  }
}

async function programs(page: Page, rec: Recorder): Promise<void> {
  await stage(page, '#/programs', SCREEN_READY.programs!);
  // The programs with the most projects: the ones the bench data maps (catalog's top-level programs).
  const ids = (await page.$$eval('.program-tree [data-program]', (els) => [...new Set(els.map((e) => e.getAttribute('data-program')!))])).slice(0, REPEATS);
  for (const id of ids) {
    await rec.run('program-open', page, { hash: `#/programs/${encodeURIComponent(id)}` }, { selector: `[data-section="projects"][data-program="${id}"][data-ready="true"]` });
  }
}

async function dashboardTabs(page: Page, rec: Recorder): Promise<void> {
  await stage(page, '#/dashboard', 'section.dashboard[data-summary="ready"]');
  for (let i = 0; i < REPEATS; i++) {
    for (const d of ['program', 'department', 'year']) {
      await rec.run('dashboard-budget-tab', page, { click: `[data-dimension="${d}"]` }, { selector: `[data-totals-shown="${d}"]` });
    }
  }
}

async function language(page: Page, rec: Recorder): Promise<void> {
  await stage(page, '#/settings', SCREEN_READY.settings!);
  for (let i = 0; i < REPEATS; i++) {
    await rec.run('language', page, { select: '#ui-language', value: 'en' }, { selector: 'section.settings h1', text: 'Settings' });
    await rec.run('language', page, { select: '#ui-language', value: 'ja' }, { selector: 'section.settings h1', text: '設定' });
  }
}

/** Every interaction of the list, in the page that holds the imported data; one result row per interaction. */
export async function runInteractions(page: Page, url: string): Promise<ScenarioResult[]> {
  // BENCH_IX_WORKER_PROFILE=report:/tmp/r.cpuprofile: the CPU profile of the first Worker whose URL contains `report`,
  // from the page's load to the end of the interactions (what a screen's first open waits for in its Worker).
  const [workerMatch, workerFile] = process.env.BENCH_IX_WORKER_PROFILE?.split(':') ?? [];
  const workerProfile = workerMatch && workerFile ? await profileWorkers(page, workerMatch) : null;
  await page.goto(url);
  await page.waitForSelector(SCREEN_READY.dashboard!, { timeout: 120_000 });
  const rec = new Recorder();
  const parts: [string, (p: Page, r: Recorder) => Promise<void>][] = [
    ['screens', openScreens], ['project list', projectList], ['project detail', projectDetail], ['deadlines', deadlines],
    ['timeline', timeline], ['programs', programs], ['dashboard', dashboardTabs], ['language', language],
  ];
  const only = process.env.BENCH_INTERACTIONS ? new Set(process.env.BENCH_INTERACTIONS.split(',')) : null;
  for (const [name, part] of parts) {
    if (only && !only.has(name.split(' ')[0]!)) continue;
    log(`interactions: ${name}…`);
    try {
      await part(page, rec);
    } catch (err) {
      log(`interactions: ${name} stopped: ${err instanceof Error ? err.message : String(err)}`);
      rec.note(name.replace(' ', '-'), { error: err instanceof Error ? err.message.slice(0, 200) : String(err) });
    }
  }
  await rec.endProfile();
  if (workerProfile) {
    const first = (await workerProfile.stop())[0];
    if (first) writeFileSync(workerFile!, JSON.stringify(first.profile));
    else log(`interactions: no Worker matched ${workerMatch}`);
  }
  // What the Workers kept for the page's life hold once the day's interactions are done (untimed).
  log(`interactions: worker heaps after a GC: ${(await workerHeapsMB(page)).map((w) => `${w.url} ${w.usedMB} MB`).join(', ')}`);
  return rec.finish();
}

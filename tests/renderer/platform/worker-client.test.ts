// The Worker client against fake Workers: a MessageChannel whose far end serves an API with Comlink, as a real
// Worker's scope would. Pending calls are rejected when their Worker ends or crashes, a timeout ends only its own
// Worker, queued calls run in order and each gets an answer, one-shot jobs end their Worker, and a check's Worker is
// kept only when it passes.
import { afterEach, describe, expect, it } from 'vitest';
import { checkInKeptWorker, runInWorker, WorkerClient, WorkerEndedError } from '../../../renderer/platform/worker-client';
import type { Remote } from '../../../renderer/platform/worker-client';
import { FakeWorker } from './fake-worker';

interface Api {
  echo(x: number): number;
  /** Answers after `release()` is called (a slow parse). */
  slow(x: number): Promise<number>;
  /** Never answers (a file built to hang the parser). */
  hang(): Promise<never>;
  fail(): never;
}

/** The fake's API: `releases` answers the slow calls, `log` lists the echo calls it served. */
class ApiWorker extends FakeWorker {
  readonly releases: (() => void)[];
  readonly log: string[];
  constructor() {
    const releases: (() => void)[] = [];
    const log: string[] = [];
    const api: Api = {
      echo: (x) => {
        log.push(`echo ${x}`);
        return x;
      },
      slow: (x) => new Promise((resolve) => releases.push(() => resolve(x))),
      hang: () => new Promise<never>(() => undefined),
      fail: () => {
        throw new Error('no workbook loaded');
      },
    };
    super(api);
    this.releases = releases;
    this.log = log;
  }
}

const started: ApiWorker[] = [];
const start = () => {
  const w = new ApiWorker();
  started.push(w);
  return w;
};
const clients: WorkerClient<Api>[] = [];
function client(timeoutMs?: number): WorkerClient<Api> {
  const c = new WorkerClient<Api>(start, { timeoutMs });
  clients.push(c);
  return c;
}
/** Waits until the fake's slow call has arrived (its release is registered). */
async function arrived(w: ApiWorker, count = 1): Promise<void> {
  while (w.releases.length < count) await new Promise((r) => setTimeout(r, 1));
}

afterEach(() => {
  for (const c of clients) c.terminate();
  clients.length = 0;
  started.length = 0;
});

describe('WorkerClient', () => {
  it('answers calls on one Worker, kept between calls, in the order they were made', async () => {
    const c = client();
    const answers = await Promise.all([c.call((w) => w.echo(1)), c.call((w) => w.echo(2)), c.call((w) => w.echo(3))]);
    expect(answers).toEqual([1, 2, 3]);
    expect(started).toHaveLength(1);
    expect(started[0]!.log).toEqual(['echo 1', 'echo 2', 'echo 3']);
  });

  it('runs a queued call only after the one before it has settled', async () => {
    const c = client();
    const first = c.call((w) => w.slow(1));
    const second = c.call((w) => w.echo(2));
    const w = started[0]!;
    await arrived(w);
    expect(w.log).toEqual([]);
    w.releases[0]!();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
  });

  it("rejects a call with the Worker's own error without ending the Worker", async () => {
    const c = client();
    await expect(c.call((w) => w.fail())).rejects.toThrow('no workbook loaded');
    expect(await c.call((w) => w.echo(5))).toBe(5);
    expect(started).toHaveLength(1);
    expect(started[0]!.terminated).toBe(false);
  });

  it('rejects the running and the queued calls when the Worker is terminated, and starts a new one for the next call', async () => {
    const c = client();
    const running = c.call((w) => w.slow(1));
    const queued = c.call((w) => w.echo(2));
    await arrived(started[0]!);
    c.terminate();
    await expect(running).rejects.toMatchObject({ reason: 'terminated' });
    await expect(queued).rejects.toBeInstanceOf(WorkerEndedError);
    expect(started[0]!.terminated).toBe(true);
    expect(await c.call((w) => w.echo(3))).toBe(3);
    expect(started).toHaveLength(2);
  });

  it('rejects every waiting call when the Worker crashes', async () => {
    const c = client();
    const running = c.call((w) => w.hang());
    const queued = c.call((w) => w.echo(2));
    await new Promise((r) => setTimeout(r, 5));
    started[0]!.crash('out of memory');
    await expect(running).rejects.toMatchObject({ reason: 'crashed', message: 'worker error: out of memory' });
    await expect(queued).rejects.toMatchObject({ reason: 'crashed' });
    expect(started[0]!.terminated).toBe(true);
  });

  it('ends the Worker of a call that times out, and only that Worker', async () => {
    const c = client(30);
    await expect(c.call((w) => w.hang())).rejects.toMatchObject({ reason: 'timeout' });
    expect(started[0]!.terminated).toBe(true);
    // The next call gets a fresh Worker and its own answer.
    expect(await c.call((w) => w.echo(7))).toBe(7);
    expect(started[1]!.terminated).toBe(false);
  });

  it("does not let a cancelled call's timer end the newer Worker that replaced it", async () => {
    const c = client(40);
    const cancelled = c.call((w) => w.hang());
    c.terminate();
    await expect(cancelled).rejects.toMatchObject({ reason: 'terminated' });
    // The newer Worker holds a slow call past the first call's deadline; it must survive and answer.
    const newer = c.call((w) => w.slow(9), { timeoutMs: 10_000 });
    await arrived(started[1]!);
    await new Promise((r) => setTimeout(r, 80));
    expect(started[1]!.terminated).toBe(false);
    started[1]!.releases[0]!();
    expect(await newer).toBe(9);
  });

  it('ends the Worker and rejects the call when its signal aborts', async () => {
    const c = client();
    const abort = new AbortController();
    const call = c.call((w) => w.hang(), { signal: abort.signal });
    await new Promise((r) => setTimeout(r, 5));
    abort.abort();
    await expect(call).rejects.toMatchObject({ reason: 'cancelled' });
    expect(started[0]!.terminated).toBe(true);
    await expect(c.call((w) => w.echo(1), { signal: abort.signal })).rejects.toMatchObject({ reason: 'cancelled' });
  });
});

describe('runInWorker', () => {
  it('runs one job on a Worker of its own and ends it afterwards, whether the job succeeds or fails', async () => {
    expect(await runInWorker<Api, number>(start, (w) => w.echo(4))).toBe(4);
    await expect(runInWorker<Api, never>(start, (w) => w.fail())).rejects.toThrow('no workbook loaded');
    expect(started).toHaveLength(2);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('gives concurrent jobs separate Workers, so a hung one cannot hold up the other', async () => {
    const hung = runInWorker<Api, never>(start, (w) => w.hang(), { timeoutMs: 30 });
    expect(await runInWorker<Api, number>(start, (w) => w.echo(2))).toBe(2);
    await expect(hung).rejects.toMatchObject({ reason: 'timeout' });
    expect(started).toHaveLength(2);
  });
});

describe('checkInKeptWorker', () => {
  type Check = { ok: true; n: number } | { ok: false; why: string };
  const check = (w: Remote<Api>, x: number): Promise<Check> => w.echo(x).then((n) => (n > 0 ? { ok: true, n } : { ok: false, why: 'not positive' }));

  it('keeps the Worker of a passed check for the next call, on the same Worker', async () => {
    const checked = await checkInKeptWorker<Api, Check>(start, (w) => check(w, 3));
    expect(checked.kept).toBe(true);
    if (!checked.kept) return;
    expect(checked.result.n).toBe(3);
    clients.push(checked.client);
    expect(await checked.client.call((w) => w.echo(5))).toBe(5);
    expect(started).toHaveLength(1);
    expect(started[0]!.terminated).toBe(false);
    expect(started[0]!.log).toEqual(['echo 3', 'echo 5']);
  });

  it('ends the Worker when the check is refused or fails', async () => {
    const refused = await checkInKeptWorker<Api, Check>(start, (w) => check(w, -1));
    expect(refused).toEqual({ kept: false, result: { ok: false, why: 'not positive' } });
    await expect(checkInKeptWorker<Api, Check>(start, (w) => w.fail())).rejects.toThrow('no workbook loaded');
    expect(started).toHaveLength(2);
    expect(started.every((w) => w.terminated)).toBe(true);
  });
});

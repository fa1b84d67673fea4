// The one client for every Worker of the renderer: a Comlink proxy over a Worker, plus what Comlink leaves out. A call
// still waiting when its Worker ends (crash, terminate, cancel, timeout) is rejected, never left hanging; a timeout
// ends only the Worker its own call runs on; the calls to one Worker run one at a time, in order.
import * as Comlink from 'comlink';
import type { Remote } from 'comlink';

/** What the client needs of a Worker (a real one, or a fake over a MessageChannel in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
  terminate(): void;
}

export type EndReason = 'terminated' | 'crashed' | 'timeout' | 'cancelled';

/** Why a call got no answer from its Worker. */
export class WorkerEndedError extends Error {
  constructor(
    readonly reason: EndReason,
    message: string = reason,
  ) {
    super(message);
    this.name = 'WorkerEndedError';
  }
}

export interface CallOptions {
  /** The call's Worker is ended (and the call rejected with reason 'timeout') when no answer came by then. */
  timeoutMs?: number | undefined;
  /** Aborting ends the call's Worker and rejects the call with reason 'cancelled'. */
  signal?: AbortSignal | undefined;
}

export type { Remote };

/**
 * What a Worker sends once it listens (serveWorkerApi). A module Worker's messages are delivered as soon as its code
 * starts; one sent while its imports still load (the store's module awaits the database's name) would find no
 * listener and be lost, so no call is sent before this.
 */
const READY = 'grant-portfolio-worker-ready';

/** One started Worker and the calls queued on it. */
class Session<API> {
  readonly remote: Remote<API>;
  private ended: WorkerEndedError | null = null;
  private readonly waiting = new Set<(err: WorkerEndedError) => void>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly ready: Promise<void>;

  constructor(private readonly worker: WorkerLike) {
    this.ready = new Promise((resolve) => {
      const listen = (e: Event) => {
        if ((e as MessageEvent).data !== READY) return;
        worker.removeEventListener('message', listen);
        resolve();
      };
      worker.addEventListener('message', listen);
    });
    this.remote = Comlink.wrap<API>(worker as unknown as Comlink.Endpoint);
    worker.addEventListener('error', (e: Event) => {
      const message = (e as ErrorEvent).message;
      this.end(new WorkerEndedError('crashed', message ? `worker error: ${message}` : 'worker error'));
    });
    worker.addEventListener('messageerror', () => this.end(new WorkerEndedError('crashed', 'a message from the worker could not be read')));
  }

  get alive(): boolean {
    return this.ended === null;
  }

  /** Ends the Worker; every call waiting on it (running or queued) is rejected with `err`. */
  end(err: WorkerEndedError): void {
    if (this.ended) return;
    this.ended = err;
    this.worker.terminate();
    for (const reject of this.waiting) reject(err);
    this.waiting.clear();
  }

  /** Runs `job` once the calls queued before it have settled. */
  run<R>(job: (remote: Remote<API>) => Promise<R>, opts: CallOptions): Promise<R> {
    const turn = this.tail.then(() => this.runNow(job, opts));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private runNow<R>(job: (remote: Remote<API>) => Promise<R>, { timeoutMs, signal }: CallOptions): Promise<R> {
    if (this.ended) return Promise.reject(this.ended);
    if (signal?.aborted) return Promise.reject(new WorkerEndedError('cancelled'));
    return new Promise<R>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => this.end(new WorkerEndedError('cancelled'));
      const settle = (finish: () => void) => {
        clearTimeout(timer);
        this.waiting.delete(fail);
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      const fail = (err: WorkerEndedError) => settle(() => reject(err));
      this.waiting.add(fail);
      // The timer ends this session's Worker only: a newer Worker started after a cancel is another session.
      if (timeoutMs !== undefined) timer = setTimeout(() => this.end(new WorkerEndedError('timeout')), timeoutMs);
      signal?.addEventListener('abort', onAbort);
      const running = this.ready.then(() => job(this.remote));
      running.then(
        (value) => settle(() => resolve(value)),
        (err: unknown) => settle(() => reject(err)),
      );
    });
  }
}

/**
 * A Worker kept between calls (one that holds state, like the import's loaded workbook), started on the first call
 * and again after it ended. Calls run one at a time in order; `terminate` rejects every call still waiting.
 */
export class WorkerClient<API> {
  private session: Session<API> | null = null;

  constructor(
    private readonly start: () => WorkerLike,
    private readonly defaults: CallOptions = {},
  ) {}

  call<R>(job: (remote: Remote<API>) => Promise<R>, opts: CallOptions = {}): Promise<R> {
    if (!this.session?.alive) this.session = new Session<API>(this.start());
    return this.session.run(job, { ...this.defaults, ...opts });
  }

  /** Whether a Worker is running (it is started again by the next call). */
  get running(): boolean {
    return Boolean(this.session?.alive);
  }

  terminate(): void {
    this.session?.end(new WorkerEndedError('terminated'));
    this.session = null;
  }
}

/** One job on a Worker of its own, ended once the job settles (templates, the export fallback, a summary). */
export async function runInWorker<API, R>(start: () => WorkerLike, job: (remote: Remote<API>) => Promise<R>, opts: CallOptions = {}): Promise<R> {
  const session = new Session<API>(start());
  try {
    return await session.run(job, opts);
  } finally {
    session.end(new WorkerEndedError('terminated'));
  }
}

/**
 * A check whose Worker is kept for the next step when it passes (a file checked there and held until the user
 * confirms), and ended when it is refused or fails.
 */
export async function checkInKeptWorker<API, R extends { ok: boolean }>(
  start: () => WorkerLike,
  job: (remote: Remote<API>) => Promise<R>,
  opts: CallOptions = {},
): Promise<{ kept: true; result: Extract<R, { ok: true }>; client: WorkerClient<API> } | { kept: false; result: Extract<R, { ok: false }> }> {
  const client = new WorkerClient<API>(start);
  try {
    const result = await client.call<R>(job, opts);
    if (result.ok) return { kept: true, result: result as Extract<R, { ok: true }>, client };
    client.terminate();
    return { kept: false, result: result as Extract<R, { ok: false }> };
  } catch (err) {
    client.terminate();
    throw err;
  }
}

/** Marks bytes (or other values) to be moved to the Worker instead of copied. */
export function transferred<T>(value: T, transfer: Transferable[]): T {
  return Comlink.transfer(value, transfer);
}

/**
 * Passes a function to the Worker by reference (Comlink.proxy): the Worker calls it back, e.g. a long job's progress.
 * A callback made after its Worker ended is dropped.
 */
export function callback<F extends (...args: never[]) => void>(fn: F): F {
  return Comlink.proxy(fn);
}

/** The Worker side: answers this client's calls with `api`'s functions (tests pass the far end of a channel). */
export function serveWorkerApi(api: object, endpoint: Comlink.Endpoint = globalThis as unknown as Comlink.Endpoint): void {
  Comlink.expose(api, endpoint);
  endpoint.postMessage(READY);
}

/** Whether `err` is a call that ended by timeout. */
export function isTimeout(err: unknown): boolean {
  return err instanceof WorkerEndedError && err.reason === 'timeout';
}

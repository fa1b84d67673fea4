// The one way a long job (backup, restore, report workbook, .ics, export, catalog import, bulk trash/undo) reports
// progress and is cancelled: a JobRunner holds one job's state, an AbortSignal cancels it, and JobProgress shows it.
// Plain TypeScript under the hook so it is tested without a DOM.
import { useMemo, useSyncExternalStore } from 'react';
import type { Bilingual } from '../../shared/domain/message';
import { WorkerEndedError } from '../platform/worker-client';

/** What a job receives: the signal to stop at, and where to report how far it got. */
export interface JobControl {
  signal: AbortSignal;
  /** `done` of `total` steps (any unit); a total of 0 means "not known yet" (the bar then moves without a value). */
  progress(done: number, total: number): void;
}

export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; label: Bilingual; done: number; total: number; cancelling: boolean }
  | { phase: 'done'; label: Bilingual }
  | { phase: 'cancelled'; label: Bilingual }
  | { phase: 'failed'; label: Bilingual; error: unknown };

/** The result of `run`: the job's value, or why there is none. */
export type JobOutcome<T> = { ok: true; value: T } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: unknown };

/** Progress is shown at most this often (ms): a 250,000-row job reports thousands of steps. */
const PROGRESS_EVERY_MS = 100;

/** A cancel seen anywhere: our AbortError, a DOM AbortError, or a Worker ended by the signal. */
export function isCancelled(err: unknown): boolean {
  if (err instanceof WorkerEndedError) return err.reason === 'cancelled';
  return err instanceof Error && err.name === 'AbortError';
}

/** One job at a time: its state for the screen, its signal for the work. */
export class JobRunner {
  private state: JobState = { phase: 'idle' };
  private readonly listeners = new Set<() => void>();
  private controller: AbortController | null = null;
  private lastShown = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): JobState => this.state;

  get busy(): boolean {
    return this.state.phase === 'running';
  }

  private set(state: JobState): void {
    this.state = state;
    for (const l of this.listeners) l();
  }

  /** Runs `work` as this runner's job; a second job while one runs is refused (the buttons are disabled then). */
  async run<T>(label: Bilingual, work: (job: JobControl) => Promise<T>): Promise<JobOutcome<T>> {
    if (this.busy) return { ok: false, cancelled: false, error: new Error('another job is running / 別の処理を実行中です') };
    const controller = new AbortController();
    this.controller = controller;
    this.lastShown = 0;
    this.set({ phase: 'running', label, done: 0, total: 0, cancelling: false });
    const progress = (done: number, total: number) => {
      const s = this.state;
      if (s.phase !== 'running' || this.controller !== controller) return;
      const t = this.now();
      // The last step is always shown; the ones between at most every PROGRESS_EVERY_MS.
      if (done < total && t - this.lastShown < PROGRESS_EVERY_MS) return;
      this.lastShown = t;
      this.set({ ...s, done, total });
    };
    try {
      const value = await work({ signal: controller.signal, progress });
      // A job that finished its last step as cancel was pressed still finished: nothing was left half-done.
      this.set({ phase: 'done', label });
      return { ok: true, value };
    } catch (error) {
      if (controller.signal.aborted || isCancelled(error)) {
        this.set({ phase: 'cancelled', label });
        return { ok: false, cancelled: true };
      }
      this.set({ phase: 'failed', label, error });
      return { ok: false, cancelled: false, error };
    } finally {
      this.controller = null;
    }
  }

  cancel(): void {
    if (!this.controller || this.state.phase !== 'running') return;
    this.set({ ...this.state, cancelling: true });
    this.controller.abort();
  }
}

/** A screen's job runner and its live state (re-rendered on progress). */
export function useJob(): { runner: JobRunner; state: JobState } {
  const runner = useMemo(() => new JobRunner(), []);
  return { runner, state: useJobState(runner) };
}

/** A runner's live state, for a component of its own: a screen that only starts jobs is not re-rendered by them. */
export function useJobState(runner: JobRunner): JobState {
  return useSyncExternalStore(runner.subscribe, runner.snapshot, runner.snapshot);
}

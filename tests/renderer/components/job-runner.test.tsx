// The shared job runner and its progress bar: progress is throttled but the last step always shows, a cancel aborts
// the job's signal and ends as "cancelled" (not as a failure), and the bar shows a value and a working cancel button.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { JobRunner, isCancelled } from '../../../renderer/components/job-runner';
import type { JobState } from '../../../renderer/components/job-runner';
import { JobProgress } from '../../../renderer/components/JobProgress';
import { cancelledError, writeInChunks } from '../../../renderer/store/chunked-write';
import { WorkerEndedError } from '../../../renderer/platform/worker-client';

const label = { ja: '保存しています', en: 'Saving' };

describe('JobRunner', () => {
  it('runs a job, shows throttled progress with the last step, and ends done with its value', async () => {
    let clock = 0;
    const runner = new JobRunner(() => clock);
    const seen: JobState[] = [];
    runner.subscribe(() => seen.push(runner.snapshot()));
    const outcome = await runner.run(label, async (job) => {
      for (let i = 1; i <= 10; i++) {
        clock += 30;
        job.progress(i, 10);
      }
      return 42;
    });
    expect(outcome).toEqual({ ok: true, value: 42 });
    const running = seen.filter((s): s is Extract<JobState, { phase: 'running' }> => s.phase === 'running');
    // 10 steps 30 ms apart, shown at most every 100 ms: fewer updates than steps, and the last one is there.
    expect(running.length).toBeLessThan(10);
    expect(running.at(-1)).toMatchObject({ done: 10, total: 10 });
    expect(runner.snapshot().phase).toBe('done');
  });

  it('cancel aborts the signal; the job ends cancelled, not failed', async () => {
    const runner = new JobRunner();
    const outcome = runner.run(label, (job) => new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(cancelledError()))));
    expect(runner.busy).toBe(true);
    runner.cancel();
    expect(await outcome).toEqual({ ok: false, cancelled: true });
    expect(runner.snapshot().phase).toBe('cancelled');
  });

  it('a failure is reported with its error, and a second job while one runs is refused', async () => {
    const runner = new JobRunner();
    let finish!: () => void;
    const first = runner.run(label, () => new Promise<void>((resolve) => (finish = resolve)));
    const second = await runner.run(label, async () => 1);
    expect(second.ok).toBe(false);
    finish();
    expect((await first).ok).toBe(true);
    const failed = await runner.run(label, async () => {
      throw new Error('disk full');
    });
    expect(failed).toMatchObject({ ok: false, cancelled: false, error: { message: 'disk full' } });
    expect(runner.snapshot().phase).toBe('failed');
  });

  it('recognises a cancel from a Worker ended by the signal, and only that', () => {
    expect(isCancelled(new WorkerEndedError('cancelled'))).toBe(true);
    expect(isCancelled(new WorkerEndedError('crashed'))).toBe(false);
    expect(isCancelled(cancelledError())).toBe(true);
    expect(isCancelled(new Error('x'))).toBe(false);
  });
});

describe('JobProgress', () => {
  const runner = new JobRunner();
  it('shows a bar with the percentage and a cancel button while running', () => {
    const html = renderToStaticMarkup(<JobProgress state={{ phase: 'running', label, done: 25, total: 100, cancelling: false }} runner={runner} lang="en" />);
    expect(html).toMatch(/<progress[^>]*max="100"[^>]*value="25"/);
    expect(html).toContain('Cancel');
    expect(html).toContain('data-phase="running"');
  });
  it('is indeterminate without a total, says cancelling, and says nothing changed after a cancel', () => {
    const html = renderToStaticMarkup(<JobProgress state={{ phase: 'running', label, done: 0, total: 0, cancelling: true }} runner={runner} lang="ja" />);
    expect(html).not.toMatch(/value=/);
    expect(html).toContain('キャンセルしています');
    expect(renderToStaticMarkup(<JobProgress state={{ phase: 'cancelled', label }} runner={runner} lang="en" />)).toContain('Nothing was changed');
    expect(renderToStaticMarkup(<JobProgress state={{ phase: 'idle' }} runner={runner} lang="en" />)).toBe('');
  });
});

describe('writeInChunks', () => {
  it('writes every chunk in order and stops with an AbortError at the next chunk after a cancel', async () => {
    const written: number[][] = [];
    const rows = Array.from({ length: 10 }, (_, i) => i);
    await writeInChunks(rows, async (c) => void written.push(c), { chunkSize: 3 });
    expect(written).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    const stop = new AbortController();
    const partial: number[][] = [];
    const run = writeInChunks(rows, async (c) => {
      partial.push(c);
      if (partial.length === 2) stop.abort();
    }, { chunkSize: 3, signal: stop.signal });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(partial.length).toBeLessThan(4);
  });
  it('rejects with the first chunk that fails', async () => {
    await expect(writeInChunks([1, 2, 3, 4], async (c) => {
      if (c.includes(3)) throw new Error('refused');
    }, { chunkSize: 2 })).rejects.toThrow('refused');
  });
});

// afterPaint: the callback runs only after a frame and then a task (so the browser painted what was in the DOM), and
// its cancel stops it whether the frame has come or not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../renderer/components/after-paint';

describe('afterPaint', () => {
  let frames: Map<number, FrameRequestCallback>;
  beforeEach(() => {
    vi.useFakeTimers();
    frames = new Map();
    let next = 1;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      frames.set(next, cb);
      return next++;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const frame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const cb of due) cb(0);
  };

  it('runs after the frame and a task, not before', () => {
    const run = vi.fn();
    afterPaint(run);
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled(); // no frame yet: timers alone do not run it
    frame();
    expect(run).not.toHaveBeenCalled(); // the frame's own callbacks come before its paint
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('cancel before the frame or between the frame and the task stops it', () => {
    const early = vi.fn();
    afterPaint(early)();
    frame();
    vi.runAllTimers();
    expect(early).not.toHaveBeenCalled();

    const late = vi.fn();
    const cancel = afterPaint(late);
    frame();
    cancel();
    vi.runAllTimers();
    expect(late).not.toHaveBeenCalled();
  });
});

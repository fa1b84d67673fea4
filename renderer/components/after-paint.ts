// "Once the browser has painted": how a screen puts its heavy parts in the DOM after its first frame, so no one task
// renders, styles and lays out the whole screen at once (Reports' slices, the Programs tree, the Programs chart).
import { startTransition, useEffect, useState } from 'react';

/** Calls `run` once the browser has painted what is in the DOM now (a frame, then a task); returns a cancel. */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** False until the browser has painted the component's first render, then true for the rest of its life. */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (painted ? undefined : afterPaint(() => setPainted(true))), [painted]);
  return painted;
}

/**
 * `value` as of the last painted frame: a new value is given back only once the browser has painted the render that
 * brought it, so the part of a screen drawn from it commits and lays out in a frame of its own. The first value at once.
 * The catch-up renders as a transition, in slices between which the browser runs its own tasks (a plain update from a
 * timer renders in one task: the Programs chart's, 70 ms with a 5,000-program edition).
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => (Object.is(shown, value) ? undefined : afterPaint(() => startTransition(() => setShown(() => value)))), [value, shown]);
  return shown;
}

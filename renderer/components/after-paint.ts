// "Once the browser has painted": how a screen puts its heavy parts in the DOM after its first frame, so no one task
// renders, styles and lays out the whole screen at once (Reports' slices, the Programs tree).
import { useEffect, useState } from 'react';

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

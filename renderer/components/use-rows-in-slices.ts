// Long content put in the DOM a part at a time: what the first screen shows at once, the rest on the following frames,
// so no visit has one task of styling and laying out all of it (Reports: 159–187 ms at 50,000 projects in session 9;
// the bar chart's 200 groups). Used by the Reports screen's sections and lists and by the bar chart.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { afterPaint } from './after-paint';

/** How many of `total` rows to show after `shown`: one more slice, never past the end. */
function nextSliceEnd(shown: number, total: number, step: number): number {
  return Math.min(total, shown + Math.max(1, step));
}

/**
 * The first `first` of `rows` at once, then `step` more after each paint until all are shown. New rows (another
 * answer) start again from the first slice; the same rows keep what is shown.
 */
export function useRowsInSlices<T>(rows: readonly T[], first: number, step: number): readonly T[] {
  const [state, setState] = useState({ rows, shown: Math.min(first, rows.length) });
  let shown = state.shown;
  if (state.rows !== rows) {
    // Reset during render (React's pattern for state derived from props): the old count never shows the new rows.
    shown = Math.min(first, rows.length);
    setState({ rows, shown });
  }
  useEffect(() => {
    if (state.rows !== rows || shown >= rows.length) return;
    return afterPaint(() => setState((s) => (s.rows === rows ? { rows, shown: nextSliceEnd(s.shown, rows.length, step) } : s)));
  }, [rows, shown, step, state.rows]);
  return shown >= rows.length ? rows : rows.slice(0, shown);
}

/** Its children rendered from the `paints`-th paint after it mounted (content below the first screen); nothing before. */
export function AfterPaints(props: { paints: number; children: ReactNode }): ReactNode {
  const [left, setLeft] = useState(props.paints);
  useEffect(() => {
    if (left <= 0) return;
    return afterPaint(() => setLeft((n) => n - 1));
  }, [left]);
  return left <= 0 ? props.children : null;
}

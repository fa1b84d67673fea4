// A virtualised list's scroll box attached without forcing a layout. As a list mounts, TanStack Virtual scrolls its
// box to the start offset and reads the box's size, inside React's commit: each lays out the whole freshly committed
// screen in that task (the Programs tree's first open: scrollTo 15–19 ms there). These options avoid both.
import { elementScroll } from '@tanstack/react-virtual';
import type { Rect, Virtualizer } from '@tanstack/react-virtual';

/**
 * `observeElementRect` for useVirtualizer: the box's size as a ResizeObserver reports it (its first report comes with
 * the next frame, after that frame's own layout); until then the virtualizer uses its `initialRect`.
 */
export function observeRectWithoutLayout<S extends Element, I extends Element>(instance: Virtualizer<S, I>, cb: (rect: Rect) => void): (() => void) | undefined {
  const element = instance.scrollElement;
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!element || !Observer) return undefined;
  const observer = new Observer(([entry]) => {
    if (entry) cb(rectOf(entry.contentRect));
  });
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

/** The size the virtualizer wants: whole pixels, as TanStack's own observer rounds them. */
export function rectOf(box: { width: number; height: number }): Rect {
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** A first guess of a scroll box's size before it is measured: the window's (a list shows no more rows than that). */
export function windowRect(win: { innerWidth: number; innerHeight: number } = window): Rect {
  return rectOf({ width: win.innerWidth, height: win.innerHeight });
}

type ScrollOptions = { adjustments?: number; behavior?: ScrollBehavior };

/**
 * `scrollToFn` for useVirtualizer: TanStack's own, except the scroll to the top it makes as it first attaches to a
 * box (a box just mounted is at the top already). Any later scroll, to the top included, is made.
 */
export function scrollWithoutMountLayout<S extends Element, I extends Element>(
  scroll: (offset: number, options: ScrollOptions, instance: Virtualizer<S, I>) => void = elementScroll,
): (offset: number, options: ScrollOptions, instance: Virtualizer<S, I>) => void {
  const attached = new WeakSet<object>();
  return (offset, options, instance) => {
    const box = instance.scrollElement;
    const first = box !== null && !attached.has(box);
    if (box) attached.add(box);
    if (first && offset + (options.adjustments ?? 0) === 0) return;
    scroll(offset, options, instance);
  };
}

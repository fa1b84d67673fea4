// The virtualised list's box attached without a forced layout: the scroll to the top made as the virtualizer first
// attaches to a box is skipped, every other scroll is made; sizes are whole pixels; the first guess is the window's.
import { describe, expect, it } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import { rectOf, scrollWithoutMountLayout, windowRect } from '../../../renderer/components/virtual-scroll-box';

type V = Virtualizer<Element, Element>;
const on = (box: object | null) => ({ scrollElement: box }) as unknown as V;

describe('scrollWithoutMountLayout', () => {
  it('skips only the first scroll to the top of each box', () => {
    const made: [number, number | undefined][] = [];
    const scroll = scrollWithoutMountLayout<Element, Element>((offset, options) => made.push([offset, options.adjustments]));
    const a = {};
    const b = {};
    scroll(0, {}, on(a));
    expect(made).toEqual([]);
    scroll(0, {}, on(a));
    scroll(300, {}, on(a));
    expect(made).toEqual([[0, undefined], [300, undefined]]);
    // Another box (the list mounted again): its first scroll to the top is skipped too, one elsewhere is not.
    scroll(0, { adjustments: 0 }, on(b));
    expect(made).toHaveLength(2);
    const c = {};
    scroll(120, {}, on(c));
    expect(made.at(-1)).toEqual([120, undefined]);
  });

  it('passes a scroll through when there is no box yet', () => {
    const made: number[] = [];
    const scroll = scrollWithoutMountLayout<Element, Element>((offset) => made.push(offset));
    scroll(0, {}, on(null));
    expect(made).toEqual([0]);
  });
});

describe('sizes', () => {
  it('rounds to whole pixels, and guesses the window size before a box is measured', () => {
    expect(rectOf({ width: 300.4, height: 199.6 })).toEqual({ width: 300, height: 200 });
    expect(windowRect({ innerWidth: 1280.2, innerHeight: 720 })).toEqual({ width: 1280, height: 720 });
  });
});

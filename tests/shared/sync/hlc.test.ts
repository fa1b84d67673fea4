// The hybrid logical clock: stamps sort in clock order, never go backwards, move past what they receive, and a
// desktop whose clock is hours wrong cannot keep winning once its colleagues have seen its changes.
import { describe, expect, it } from 'vitest';
import { HybridClock, compareHlc, formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc } from '../../../shared/sync/hlc';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 3, 1, 9, 0, 0);

function fakeTime(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (v: number) => (t = v) };
}

describe('hlc stamps', () => {
  it('round-trip and sort as strings in (wall, counter, node) order', () => {
    const a = { wall: T0, counter: 3, node: 'desk-a' };
    expect(parseHlc(formatHlc(a))).toEqual(a);
    const stamps = [
      { wall: T0 + 1, counter: 0, node: 'a' },
      { wall: T0, counter: 36, node: 'a' },
      { wall: T0, counter: 2, node: 'b' },
      { wall: T0, counter: 2, node: 'a' },
    ].map(formatHlc);
    expect([...stamps].sort(compareHlc)).toEqual([stamps[3], stamps[2], stamps[1], stamps[0]]);
  });

  it('rejects what is not a stamp', () => {
    for (const bad of [null, 3, '', 'x', '000001775034000000:000000', '1:0:a', `${'9'.repeat(15)}:000000:a b`, `${'9'.repeat(16)}:000000:a`]) {
      expect(parseHlc(bad)).toBeNull();
    }
    expect(() => initialHlc('has:colon')).toThrow();
  });
});

describe('tick (local edits)', () => {
  it('follows the physical clock and never goes backwards when it is set back', () => {
    let c = tickHlc(initialHlc('a'), T0);
    expect(c).toEqual({ wall: T0, counter: 0, node: 'a' });
    const later = tickHlc(c, T0 + 10);
    expect(later.wall).toBe(T0 + 10);
    c = tickHlc(later, T0 - HOUR);
    expect(compareHlc(formatHlc(c), formatHlc(later))).toBe(1);
    expect(c).toEqual({ wall: T0 + 10, counter: 1, node: 'a' });
  });
});

describe('receive', () => {
  it('moves past the received stamp so the next local edit orders after it', () => {
    const remote = { wall: T0 + 5000, counter: 7, node: 'b' };
    const r = receiveHlc({ wall: T0, counter: 0, node: 'a' }, remote, T0 + 100);
    expect(r.clock).toEqual({ wall: T0 + 5000, counter: 8, node: 'a' });
    expect(compareHlc(formatHlc(tickHlc(r.clock, T0 + 200)), formatHlc(remote))).toBe(1);
    expect(r.aheadMs).toBeUndefined();
  });

  it('uses physical time when it is ahead of both', () => {
    expect(receiveHlc({ wall: T0, counter: 4, node: 'a' }, { wall: T0 + 1, counter: 9, node: 'b' }, T0 + 50).clock).toEqual({ wall: T0 + 50, counter: 0, node: 'a' });
    expect(receiveHlc({ wall: T0, counter: 4, node: 'a' }, { wall: T0, counter: 9, node: 'b' }, T0 - 5).clock).toEqual({ wall: T0, counter: 10, node: 'a' });
  });

  it('reports a stamp far ahead of this clock as drift, but still adopts it', () => {
    const r = receiveHlc(initialHlc('a'), { wall: T0 + 3 * HOUR, counter: 0, node: 'b' }, T0);
    expect(r.aheadMs).toBe(3 * HOUR);
    expect(r.clock.wall).toBe(T0 + 3 * HOUR);
  });
});

describe('HybridClock with a desktop hours wrong', () => {
  it('a fast desktop does not win edits made after its change was seen', () => {
    const fastTime = fakeTime(T0 + 4 * HOUR);
    const goodTime = fakeTime(T0);
    const fast = new HybridClock('fast', fastTime.now);
    const good = new HybridClock('good', goodTime.now);
    const fastEdit = fast.next();
    goodTime.advance(60_000);
    expect(good.receive(fastEdit)).toBeGreaterThan(3 * HOUR);
    const goodEdit = good.next();
    expect(compareHlc(goodEdit, fastEdit)).toBe(1);
  });

  it('a slow desktop still orders its later edits after what it received', () => {
    const slowTime = fakeTime(T0 - 6 * HOUR);
    const slow = new HybridClock('slow', slowTime.now);
    const colleague = new HybridClock('ok', fakeTime(T0).now);
    const theirs = colleague.next();
    slow.receive(theirs);
    slowTime.advance(1000);
    expect(compareHlc(slow.next(), theirs)).toBe(1);
  });

  it('restores its state so stamps stay increasing across restarts, and ignores a stamp of another replica', () => {
    const time = fakeTime(T0 + HOUR);
    const c = new HybridClock('a', time.now);
    const last = c.next();
    time.set(T0);
    const again = new HybridClock('a', time.now, c.current());
    expect(compareHlc(again.next(), last)).toBe(1);
    expect(new HybridClock('a', time.now, formatHlc({ wall: T0 + 9 * HOUR, counter: 0, node: 'b' })).next()).toBe(formatHlc({ wall: T0, counter: 0, node: 'a' }));
  });
});

// Hybrid logical clock for per-field sync timestamps: physical time when the desktop's clock is sane, but never behind
// anything this desktop has already seen, so an edit made after receiving a colleague's change always orders after it
// even when one of the two clocks is hours wrong. Stamps are strings that sort in clock order.

export interface Hlc {
  /** Milliseconds since the epoch: the largest physical time seen (own clock or received). */
  wall: number;
  /** Orders events within the same `wall`. */
  counter: number;
  /** The replica (one app install) that made the stamp; breaks ties so no two replicas ever make the same stamp. */
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const STAMP = /^(\d{15}):([0-9a-z]{6}):([A-Za-z0-9_-]{1,64})$/;

/** How far ahead of this desktop's clock a received stamp may be before it is reported as a clock problem. */
export const DEFAULT_MAX_DRIFT_MS = 5 * 60_000;

export function formatHlc(c: Hlc): string {
  return `${String(c.wall).padStart(WALL_DIGITS, '0')}:${c.counter.toString(36).padStart(COUNTER_DIGITS, '0')}:${c.node}`;
}

/** Reads a stamp; null when it is not one (received documents are untrusted). */
export function parseHlc(stamp: unknown): Hlc | null {
  if (typeof stamp !== 'string') return null;
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const wall = Number(m[1]);
  if (!Number.isSafeInteger(wall)) return null;
  return { wall, counter: parseInt(m[2]!, 36), node: m[3]! };
}

export function isHlcStamp(stamp: unknown): stamp is string {
  return parseHlc(stamp) !== null;
}

/** Orders two stamps; formatted stamps compare as strings by construction. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isValidNodeId(node: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(node);
}

export function initialHlc(node: string): Hlc {
  if (!isValidNodeId(node)) throw new Error(`Invalid replica id: ${node}`);
  return { wall: 0, counter: 0, node };
}

/** A local event (an edit about to be sent): the next stamp after `last`, at physical time `now` if that is later. */
export function tickHlc(last: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, Math.floor(now));
  const counter = wall === last.wall ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node: last.node };
  return { wall, counter, node: last.node };
}

export interface ReceiveResult {
  clock: Hlc;
  /** Set when the received stamp is further ahead of this desktop's clock than allowed: somebody's clock is wrong. */
  aheadMs?: number;
}

/**
 * A received stamp: the clock moves past it, so this desktop's next edit orders after what it has seen. The stamp is
 * adopted even when it looks far in the future (refusing it would let that edit win every later conflict); the drift
 * is reported instead so the app can tell the user a clock is wrong.
 */
export function receiveHlc(last: Hlc, remote: Hlc, now: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): ReceiveResult {
  const phys = Math.floor(now);
  const wall = Math.max(last.wall, remote.wall, phys);
  let counter: number;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  const clock = counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, node: last.node } : { wall, counter, node: last.node };
  const ahead = remote.wall - phys;
  return ahead > maxDriftMs ? { clock, aheadMs: ahead } : { clock };
}

/** A clock with its state: one per replica, the physical time source injected so tests never read the wall clock. */
export class HybridClock {
  private state: Hlc;

  constructor(
    node: string,
    private readonly now: () => number,
    restored?: string,
  ) {
    const parsed = restored === undefined ? null : parseHlc(restored);
    this.state = parsed && parsed.node === node ? parsed : initialHlc(node);
  }

  /** A stamp for a local edit. */
  next(): string {
    this.state = tickHlc(this.state, this.now());
    return formatHlc(this.state);
  }

  /** Takes in a received stamp; returns how far ahead of this desktop it was, when suspiciously far. */
  receive(stamp: string, maxDriftMs = DEFAULT_MAX_DRIFT_MS): number | undefined {
    const remote = parseHlc(stamp);
    if (!remote) return undefined;
    const r = receiveHlc(this.state, remote, this.now(), maxDriftMs);
    this.state = r.clock;
    return r.aheadMs;
  }

  /** The last stamp issued or received, to persist and restore. */
  current(): string {
    return formatHlc(this.state);
  }
}

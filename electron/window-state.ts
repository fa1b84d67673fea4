// Remembers the window's size and position between runs, and keeps a remembered window on a screen that still exists.

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };
const MIN = { width: 800, height: 560 };

/** Parses saved state, falling back to defaults on anything unreadable, and drops a position that is off every display. */
export function restoreWindowBounds(saved: string | null, displays: DisplayArea[]): WindowBounds {
  let parsed: unknown;
  try {
    parsed = saved ? JSON.parse(saved) : null;
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null) return { ...DEFAULT_BOUNDS };
  const p = parsed as Record<string, unknown>;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const width = Math.max(MIN.width, num(p.width) ?? DEFAULT_BOUNDS.width);
  const height = Math.max(MIN.height, num(p.height) ?? DEFAULT_BOUNDS.height);
  const x = num(p.x);
  const y = num(p.y);
  const bounds: WindowBounds = { width, height, maximized: p.maximized === true };
  if (x !== undefined && y !== undefined) {
    // Keep the position only when the title bar's top-left area is on some display.
    const visible = displays.some((d) => x + 100 > d.x && x < d.x + d.width - 50 && y >= d.y && y < d.y + d.height - 50);
    if (visible) {
      bounds.x = x;
      bounds.y = y;
    }
  }
  return bounds;
}

export function serializeWindowBounds(bounds: WindowBounds): string {
  return JSON.stringify(bounds);
}

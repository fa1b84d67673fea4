// Menu commands that do a screen's job (Export…, Backup…, Restore…): the app frame opens the screen and asks for the
// action here; the screen runs it once, whether it was already open or mounts because of the command.
import { useEffect, useRef } from 'react';

export type MenuAction = 'export' | 'backup' | 'restore';

let pending: MenuAction | null = null;
const listeners = new Set<(action: MenuAction) => void>();

/** Asks the screen that owns `action` to run it (now if it is mounted, else when it mounts). */
export function requestMenuAction(action: MenuAction): void {
  pending = action;
  for (const listener of listeners) listener(action);
}

function take(action: MenuAction): boolean {
  if (pending !== action) return false;
  pending = null;
  return true;
}

/** Runs `run` for each request of `action` while the calling component is mounted (latest `run` each time). */
export function useMenuAction(action: MenuAction, run: () => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const listener = (a: MenuAction) => {
      if (a === action && take(action)) latest.current();
    };
    listeners.add(listener);
    if (take(action)) latest.current();
    return () => {
      listeners.delete(listener);
    };
  }, [action]);
}

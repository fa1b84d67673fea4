// A file dropped anywhere on the window waits here until the Import screen picks it up (the drop handler lives in
// App.tsx, the wizard in this feature; a tiny store keeps the two apart).
export interface PendingFile {
  name: string;
  bytes: Uint8Array;
}

let pending: PendingFile | null = null;
const listeners = new Set<() => void>();

export function setPendingFile(file: PendingFile): void {
  pending = file;
  for (const l of listeners) l();
}

/** Takes the waiting file (once). */
export function takePendingFile(): PendingFile | null {
  const f = pending;
  pending = null;
  return f;
}

export function onPendingFile(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

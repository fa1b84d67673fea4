// Long store work (backups, import commits) gives the browser a turn between slices so the window keeps painting.

/** Resolves in a new task; a MessageChannel is neither clamped to 4 ms like nested timers nor throttled in background windows. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// A stand-in for a module Worker in Node tests: a MessageChannel whose far end serves `api` with Comlink, as the real
// Worker's scope does through `serveWorkerApi`. It can be terminated and made to crash (an 'error' event).
import type { WorkerLike } from '../../../renderer/platform/worker-client';
import { serveWorkerApi } from '../../../renderer/platform/worker-client';

export class FakeWorker extends EventTarget implements WorkerLike {
  terminated = false;
  private readonly channel = new MessageChannel();

  constructor(api: object) {
    super();
    this.channel.port1.start();
    serveWorkerApi(api, this.channel.port2);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.channel.port1.postMessage(message, transfer ?? []);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.channel.port1.addEventListener('message', listener as EventListener);
    else super.addEventListener(type, listener);
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.channel.port1.removeEventListener('message', listener as EventListener);
    else super.removeEventListener(type, listener);
  }

  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }

  /** What a Worker whose code failed to load, or that ran out of memory, reports. */
  crash(message: string): void {
    const e = new Event('error') as Event & { message: string };
    e.message = message;
    this.dispatchEvent(e);
  }
}

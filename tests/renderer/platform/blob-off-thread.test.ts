import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { joinParts } from '../../../renderer/platform/blob-off-thread';
import type { BlobWorkerApi } from '../../../renderer/platform/blob-off-thread';
import { FakeWorker } from './fake-worker';

/** Worker stands in for the browser's: each one started is counted and serves blob.worker.ts's join. */
function stubWorker(): URL[] {
  const started: URL[] = [];
  const api: BlobWorkerApi = { join: joinParts };
  vi.stubGlobal(
    'Worker',
    class extends FakeWorker {
      constructor(url: URL) {
        super(api);
        started.push(url);
      }
    },
  );
  return started;
}

function filled(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7 + seed) & 255;
  return out;
}

/** Byte-for-byte equality without a per-element diff (these are megabytes). */
const sameBytes = async (blob: Blob, expected: Uint8Array) => Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(expected));

/** The module afresh (its join Worker is kept in module state). */
const load = async () => (await import('../../../renderer/platform/blob-off-thread')).blobOffThread;

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('blobOffThread', () => {
  it('makes a small file on the page, starting no Worker', async () => {
    const started = stubWorker();
    const blobOffThread = await load();
    const bytes = filled(100_000, 1);
    const blob = await blobOffThread(bytes, 'application/x-test');
    expect(started).toHaveLength(0);
    expect(blob.type).toBe('application/x-test');
    expect(await sameBytes(blob, bytes)).toBe(true);
  });

  it('joins big files in one Worker kept from the first to the next, their parts moved there', async () => {
    const started = stubWorker();
    const blobOffThread = await load();
    const parts = [filled(3_000_000, 2), filled(2_000_000, 3)];
    const expected = Buffer.concat([parts[0]!, parts[1]!]);
    const first = await blobOffThread(parts);
    expect(parts[0]!.byteLength).toBe(0);
    expect(await sameBytes(first, expected)).toBe(true);
    const again = filled(3_100_000, 4);
    const copy = again.slice();
    const second = await blobOffThread(again, 'application/x-test');
    expect(second.type).toBe('application/x-test');
    expect(await sameBytes(second, copy)).toBe(true);
    expect(started.map((u) => u.pathname.split('/').pop())).toEqual(['blob.worker.ts']);
  });

  it('hands a joined Blob back only once its last byte can be read (the browser holds all of it)', async () => {
    // A handle passed on before that made the page's next call on it (a URL, a slice) block until it was.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const read: [number | undefined, number][] = [];
    const slice = vi.spyOn(Blob.prototype, 'slice').mockImplementation(function (this: Blob, start?: number) {
      read.push([start, this.size]);
      return { arrayBuffer: () => gate.then(() => new ArrayBuffer(1)) } as unknown as Blob;
    });
    let done = false;
    const pending = joinParts([filled(600_000, 5), filled(400_000, 6)], 'text/calendar').then((b) => ((done = true), b));
    await vi.waitFor(() => expect(read).toEqual([[999_999, 1_000_000]]));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    release();
    slice.mockRestore();
    const blob = await pending;
    expect(blob.size).toBe(1_000_000);
    expect(blob.type).toBe('text/calendar');
  });
});

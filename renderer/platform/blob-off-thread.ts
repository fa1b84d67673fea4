// A file's bytes turned into one Blob in a Worker: the Blob constructor copies every byte into the browser's blob
// store on the calling thread, which for a 50,000-project backup (tens of MB) was a task of seconds on the page's.
import type { FileBytes } from '../../shared/api/desktop-api';
import { fileByteLength } from '../../shared/api/desktop-api';
import { transferred, WorkerClient } from './worker-client';

export interface BlobWorkerApi {
  join(parts: Uint8Array[], type: string): Promise<Blob>;
}

/**
 * The join Worker's work: one Blob of the parts, handed back once the browser's blob store holds every byte. A handle
 * passed on earlier made the page's next call on it wait for that, synchronously: URL.createObjectURL blocked 109–136 ms
 * for a 68 MB backup, Blob.slice 59 ms for a 6 MB .ics (50,000 projects, session 17). Reading its last byte waits here.
 */
export async function joinParts(parts: Uint8Array[], type: string): Promise<Blob> {
  const blob = new Blob(parts as BlobPart[], { type });
  if (blob.size > 0) await blob.slice(blob.size - 1).arrayBuffer();
  return blob;
}

/** Below this size the page makes the Blob itself: starting a Worker costs more than the copy. */
const OFF_THREAD_BYTES = 256 * 1024;

/**
 * The join Worker, started at the first big file and kept: a module Worker's start took 30–325 ms per download as
 * the load rose (the reports workbook at 50,000 projects, session 15), more than the join. What it was sent is
 * garbage there once its Blob is made.
 */
let joiner: WorkerClient<BlobWorkerApi> | null = null;

/**
 * The same Blob as `new Blob(parts)`, once the browser's blob store holds all of it (joinParts). Big files are joined
 * in a Worker and their buffers are MOVED there (detached here): callers hand the bytes over and do not use them again.
 */
export async function blobOffThread(bytes: FileBytes, type = ''): Promise<Blob> {
  const parts = bytes instanceof Uint8Array ? [bytes] : [...bytes];
  if (fileByteLength(bytes) < OFF_THREAD_BYTES || typeof Worker === 'undefined') return new Blob(parts as BlobPart[], { type });
  const buffers = [...new Set(parts.map((p) => p.buffer as ArrayBuffer))];
  joiner ??= new WorkerClient<BlobWorkerApi>(() => new Worker(new URL('./blob.worker.ts', import.meta.url), { type: 'module' }));
  return joiner.call((w) => w.join(transferred(parts, buffers), type));
}

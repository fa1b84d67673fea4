// A file's bytes turned into a Blob a slice at a time, a task each: the Blob constructor copies every byte on the
// page's main thread, which for a 50,000-project backup (tens of MB) was a task of seconds.
import type { FileBytes } from '../../shared/api/desktop-api';
import { nextTask } from '../store/next-task';

/** Bytes copied into the Blob per task. */
export const BLOB_SLICE_BYTES = 512 * 1024;

/**
 * The same bytes as `new Blob(parts)`, built by appending at most `sliceBytes` per task to the Blob built so far
 * (a Blob made from a Blob refers to its data, it does not copy it again).
 */
export async function blobInSlices(bytes: FileBytes, type = '', sliceBytes = BLOB_SLICE_BYTES): Promise<Blob> {
  const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
  let blob = new Blob([], { type });
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  for (const part of parts) {
    for (let at = 0; at < part.byteLength; at += sliceBytes) {
      const piece = part.subarray(at, at + sliceBytes);
      batch.push(piece);
      batchBytes += piece.byteLength;
      if (batchBytes >= sliceBytes) {
        blob = new Blob([blob, ...(batch as BlobPart[])], { type });
        batch = [];
        batchBytes = 0;
        await nextTask();
      }
    }
  }
  return batch.length ? new Blob([blob, ...(batch as BlobPart[])], { type }) : blob;
}

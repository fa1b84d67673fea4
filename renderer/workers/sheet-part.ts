// The sheet-part Worker's protocol and its client for a Worker that writes a workbook with `writeWorkbookSplit`: one
// helper kept (started and warmed up ahead of the first write), ended with its owner.
import type { PartWriter } from '../../shared/excel/split-write';
import type { SheetSpec } from '../../shared/excel/sheetjs';
import { WorkerClient } from '../platform/worker-client';

export interface SheetPartApi {
  part(spec: SheetSpec, seed: string[]): Uint8Array;
  /** Writes a small throwaway part so the first real one runs on compiled code (a cold write is slower). */
  warm(): void;
}

/** A kept sheet-part Worker: `start` has it load and warm up ahead; `write` is its `PartWriter`. */
export class SheetPartHelper {
  private readonly client = new WorkerClient<SheetPartApi>(() => new Worker(new URL('./sheet-part.worker.ts', import.meta.url), { type: 'module' }));

  start(): void {
    if (!this.client.running) this.client.call((w) => w.warm()).catch(() => undefined);
  }

  readonly write: PartWriter = (spec, seed) => this.client.call((w) => w.part(spec, seed));
}

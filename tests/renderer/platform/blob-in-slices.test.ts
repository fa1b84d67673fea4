// blobInSlices: the Blob holds exactly the parts' bytes in order, whatever the slice size against the parts' sizes
// (parts larger than a slice, smaller ones gathered, empty parts, one whole buffer, nothing at all).
import { describe, expect, it } from 'vitest';
import { blobInSlices } from '../../../renderer/platform/blob-in-slices';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const seq = (n: number, from = 0) => Uint8Array.from({ length: n }, (_, i) => (from + i) % 251);

describe('blobInSlices', () => {
  it('keeps every byte in order across slice boundaries', async () => {
    const parts = [seq(10), seq(0), seq(3, 10), seq(25, 13), seq(1, 38)];
    const want = Uint8Array.from(parts.flatMap((p) => [...p]));
    for (const slice of [1, 4, 7, 64]) expect([...(await bytesOf(await blobInSlices(parts, '', slice)))]).toEqual([...want]);
  });

  it('takes one whole buffer, a view into a larger one, or no parts, and keeps the type', async () => {
    const whole = seq(100);
    expect([...(await bytesOf(await blobInSlices(whole, '', 16)))]).toEqual([...whole]);
    const view = whole.subarray(20, 50);
    expect([...(await bytesOf(await blobInSlices(view, '', 8)))]).toEqual([...view]);
    const none = await blobInSlices([], 'application/json');
    expect(none.size).toBe(0);
    expect(none.type).toBe('application/json');
  });
});

// A tiny zip writer for building hostile workbooks in tests: entries are deflated by node:zlib, and an entry can be
// streamed from a generator so a "bomb" of gigabytes is built without holding it in memory.
import { crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

interface Built {
  name: Buffer;
  crc: number;
  compressed: Buffer;
  size: number;
}

function localHeader(e: Built): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(8, 8); // deflate
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.compressed.length, 18);
  h.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
  h.writeUInt16LE(e.name.length, 26);
  return Buffer.concat([h, e.name]);
}

function centralHeader(e: Built, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressed.length, 20);
  h.writeUInt32LE(Math.min(e.size, 0xffffffff), 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, e.name]);
}

function assemble(entries: Built[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = localHeader(e);
    central.push(centralHeader(e, offset));
    parts.push(local, e.compressed);
    offset += local.length + e.compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

export function writeZip(entries: ZipEntry[]): Uint8Array {
  return assemble(entries.map((e) => ({ name: Buffer.from(e.name), crc: crc32(e.data), compressed: deflateRawSync(e.data), size: e.data.length })));
}

/** Like writeZip, but one entry's content is streamed from chunks (for multi-gigabyte bombs). */
export async function writeZipStreaming(entries: ZipEntry[], big: { name: string; chunks: () => Iterable<Uint8Array> }): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of big.chunks()) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  const built: Built[] = entries.map((e) => ({ name: Buffer.from(e.name), crc: crc32(e.data), compressed: deflateRawSync(e.data), size: e.data.length }));
  built.push({ name: Buffer.from(big.name), crc, compressed: Buffer.concat(out), size });
  return assemble(built);
}

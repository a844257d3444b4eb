import { crc32 } from 'node:zlib';
import { expect, it } from 'vitest';
import type { ObjectStore } from '../store.ts';
import { readImageFacts } from './read-image-facts.ts';

/** A PNG header claiming the given size, then megabytes of filler. */
function claimedPng(width: number, height: number, totalBytes: number) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const typed = Buffer.concat([Buffer.from('IHDR'), ihdr]);
  const chunk = Buffer.alloc(4 + typed.length + 4);
  chunk.writeUInt32BE(13, 0);
  typed.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typed), 4 + typed.length);
  const head = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk,
  ]);

  return Buffer.concat([head, Buffer.alloc(totalBytes - head.length)]);
}

it('refuses a 20000×20000 PNG from its header, reading 64 KiB at most', async () => {
  const bytes = claimedPng(20_000, 20_000, 8 * 1024 * 1024);
  let bytesRead = 0;
  const store = {
    async readRange(_key: string, start: number, end: number) {
      bytesRead += end - start + 1;
      return bytes.subarray(start, end + 1);
    },
  } as unknown as ObjectStore;

  const facts = await readImageFacts(
    store,
    'products/1/x.png',
    bytes.length,
    'image/png',
    100_000_000,
  );

  expect(facts).toEqual({
    ok: false,
    code: 'IMAGE_TOO_LARGE',
    message: 'it is 20000×20000 pixels; the limit is 100 megapixels.',
  });
  expect(bytesRead).toBeLessThanOrEqual(64 * 1024);
});

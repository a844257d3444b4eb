import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImageType } from '../rules/image-types.ts';
import { isComplete } from './check-complete.ts';

const fixtures = fileURLToPath(
  new URL('../../../../../shared/fixtures/images/', import.meta.url),
);
const manifest = JSON.parse(
  readFileSync(`${fixtures}manifest.json`, 'utf8'),
) as { accept: { file: string; type: ImageType }[] };

function check(bytes: Uint8Array, type: ImageType) {
  return isComplete(type, bytes.length, async (offset, length) =>
    bytes.subarray(offset, offset + length),
  );
}

describe('isComplete', () => {
  it.each(manifest.accept)('finds the end of $file', async (fixture) => {
    const bytes = readFileSync(`${fixtures}${fixture.file}`);
    expect(await check(bytes, fixture.type)).toBe(true);
  });

  // A tester uploaded the first half of a PNG and the first 2,000 bytes
  // of a JPEG: both were taken, and shown half grey.
  it.each(manifest.accept)('misses the end of half of $file', async (f) => {
    const bytes = readFileSync(`${fixtures}${f.file}`);
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(await check(half, f.type)).toBe(false);
  });

  it.each(manifest.accept.filter((fixture) => fixture.type !== 'image/gif'))(
    'misses the last byte of $file',
    async (fixture) => {
      const bytes = readFileSync(`${fixtures}${fixture.file}`);
      expect(await check(bytes.subarray(0, -1), fixture.type)).toBe(false);
    },
  );
});

describe('isComplete for a motion photo', () => {
  it('finds the end of a JPEG followed by the video its XMP declares', async () => {
    const jpeg = readFileSync(`${fixtures}accept/jpeg-baseline.jpg`);
    const xmp = Buffer.from(
      '<x:xmpmeta><rdf:Description GCamera:MotionPhoto="1"/></x:xmpmeta>',
      'latin1',
    );
    // SOI, an APP1 segment with the XMP, the rest of the JPEG, a video.
    const app1 = Buffer.concat([
      Buffer.from([0xff, 0xe1, 0, xmp.length + 2]),
      xmp,
    ]);
    const video = Buffer.alloc(4096, 7);
    const bytes = Buffer.concat([
      jpeg.subarray(0, 2),
      app1,
      jpeg.subarray(2),
      video,
    ]);

    expect(await check(bytes, 'image/jpeg')).toBe(true);
    expect(await check(Buffer.concat([jpeg, video]), 'image/jpeg')).toBe(false);
  });
});

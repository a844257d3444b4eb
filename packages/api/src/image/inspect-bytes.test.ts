import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ImageType } from '../rules/image-types.ts';
import { inspectImageBytes } from './inspect-bytes.ts';

const fixtures = fileURLToPath(
  new URL('../../../../../shared/fixtures/images/', import.meta.url),
);
const read = (file: string) => readFileSync(`${fixtures}${file}`);
const manifest = JSON.parse(read('manifest.json').toString()) as {
  accept: { file: string; type: ImageType; width: number; height: number }[];
};

describe('inspectImageBytes', () => {
  it.each(manifest.accept)(
    'reads $file as $type, $width×$height displayed',
    async (fixture) => {
      const result = await inspectImageBytes(
        read(fixture.file),
        fixture.type,
        true,
      );
      expect(result).toEqual({
        kind: 'image',
        width: fixture.width,
        height: fixture.height,
      });
    },
  );

  // Found by a tester: every animated PNG was refused as image/apng.
  it('takes an animated PNG as the PNG it is', async () => {
    const png = read('accept/png-sample.png');
    const acTL = Buffer.from([0, 0, 0, 8, 0x61, 0x63, 0x54, 0x4c]);
    const frames = Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([acTL.subarray(4), frames])));
    // acTL goes after IHDR (8 signature bytes, then 25 of IHDR).
    const apng = Buffer.concat([
      png.subarray(0, 33),
      acTL,
      frames,
      crc,
      png.subarray(33),
    ]);

    expect(await inspectImageBytes(apng, 'image/png', true)).toEqual({
      kind: 'image',
      width: 123,
      height: 456,
    });
  });

  it('swaps the sides of a photo turned by EXIF orientation 6', async () => {
    const bytes = read('accept/photo-landscape-exif6.jpg');
    // Stored 1200 wide and 1800 tall; shown 1800×1200.
    expect(await inspectImageBytes(bytes, 'image/jpeg', true)).toEqual({
      kind: 'image',
      width: 1800,
      height: 1200,
    });
  });

  it('refuses bytes of another format than declared', async () => {
    const result = await inspectImageBytes(
      read('accept/png-sample.png'),
      'image/jpeg',
      true,
    );
    expect(result).toEqual({
      kind: 'refused',
      code: 'CONTENT_MISMATCH',
      message: 'declared as JPEG but the file holds image/png content.',
    });
  });

  it('refuses text that is no image format at all', async () => {
    const result = await inspectImageBytes(
      read('reject/json-named-webp.webp'),
      'image/webp',
      true,
    );
    expect(result).toMatchObject({
      kind: 'refused',
      message: 'declared as WebP but the file holds no image format.',
    });
  });

  it('refuses a cut-off file, but asks for more of a partial read', async () => {
    const truncated = read('reject/png-truncated.png');

    expect(await inspectImageBytes(truncated, 'image/png', true)).toEqual({
      kind: 'refused',
      code: 'IMAGE_UNREADABLE',
      message: 'the PNG file is damaged or cut short.',
    });
    expect(await inspectImageBytes(truncated, 'image/png', false)).toEqual({
      kind: 'need-more-bytes',
    });
  });
});

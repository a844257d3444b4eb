import fc from 'fast-check';
import { rgbaToThumbHash } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { placeholder, placeholderFits } from './placeholder.ts';

/** A real ThumbHash of a `w` × `h` gradient, as the browser would send. */
function thumbHashOf(w: number, h: number, alpha = 255): string {
  const rgba = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i += 1) {
    rgba[i * 4] = (i * 7) % 256;
    rgba[i * 4 + 1] = (i * 13) % 256;
    rgba[i * 4 + 2] = (i * 29) % 256;
    rgba[i * 4 + 3] = alpha;
  }

  return Buffer.from(rgbaToThumbHash(w, h, rgba)).toString('base64');
}

function problemWith(text: unknown): string | undefined {
  const parsed = placeholder.safeParse(text);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

describe('placeholder', () => {
  it('takes ThumbHashes of every shape, with and without alpha', () => {
    for (const [w, h] of [
      [100, 75],
      [75, 100],
      [100, 100],
      [100, 20],
      [12, 100],
    ] as const) {
      expect(problemWith(thumbHashOf(w, h))).toBeUndefined();
      expect(problemWith(thumbHashOf(w, h, 128))).toBeUndefined();
    }
  });

  it('refuses text that is not a ThumbHash, saying why', () => {
    const good = thumbHashOf(100, 75);
    const bytes = Buffer.from(good, 'base64');
    const cut = bytes.subarray(0, bytes.length - 1).toString('base64');
    const longer = Buffer.concat([bytes, Buffer.from([0])]).toString('base64');

    expect(problemWith(cut)).toMatch(/calls for \d+ bytes, and it has \d+/);
    expect(problemWith(longer)).toMatch(/calls for \d+ bytes/);
    expect(problemWith('AAAA')).toMatch(/shorter than its 5-byte header/);
    expect(problemWith('not base64!')).toBe('must be base64');
    expect(problemWith('A'.repeat(400))).toMatch(/at most 25 bytes/);
    expect(problemWith(42)).toBe('must be text');
  });

  it('fits the photo it was made from, and not the photo turned', () => {
    const landscape = thumbHashOf(100, 75);
    expect(placeholderFits(landscape, 1600, 1200)).toBe(true);
    expect(placeholderFits(landscape, 1200, 1600)).toBe(false);
    expect(placeholderFits(landscape, 4000, 600)).toBe(false);

    const portrait = thumbHashOf(56, 100);
    expect(placeholderFits(portrait, 1080, 1920)).toBe(true);
    expect(placeholderFits(portrait, 1920, 1080)).toBe(false);
  });

  it('fits any image scaled to at most 100 pixels from it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.boolean(),
        (width, height, withAlpha) => {
          const scale = 100 / Math.max(width, height);
          const w = Math.max(1, Math.round(width * scale));
          const h = Math.max(1, Math.round(height * scale));
          const hash = thumbHashOf(w, h, withAlpha ? 100 : 255);

          expect(problemWith(hash)).toBeUndefined();
          expect(placeholderFits(hash, width, height)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

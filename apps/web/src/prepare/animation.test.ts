import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../server/test/support/fixtures.ts';
import { isAnimated } from './animation.ts';

/** A PNG's signature and chunks, with lengths; CRCs do not matter here. */
function png(...chunks: string[]): Uint8Array {
  const parts = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  for (const type of chunks) {
    parts.push(0, 0, 0, 1, ...Buffer.from(type), 0, 0, 0, 0, 0);
  }
  return new Uint8Array(parts);
}

/** A WebP whose VP8X chunk has the given flags. */
function webp(flags: number): Uint8Array {
  const bytes = new Uint8Array(30);
  bytes.set(Buffer.from('RIFF'), 0);
  bytes.set(Buffer.from('WEBPVP8X'), 8);
  bytes[20] = flags;
  return bytes;
}

// Found by a tester: an APNG and an animated WebP past the longest edge
// were flattened to their first frame.
describe('isAnimated', () => {
  it('finds the animation control chunk of an APNG', () => {
    expect(isAnimated(png('IHDR', 'acTL', 'IDAT'), 'image/png')).toBe(true);
    expect(isAnimated(png('IHDR', 'IDAT', 'acTL'), 'image/png')).toBe(false);
    expect(isAnimated(png('IHDR'), 'image/png')).toBe(false);
  });

  it('reads the animation flag of an extended WebP', () => {
    expect(isAnimated(webp(0x02), 'image/webp')).toBe(true);
    expect(isAnimated(webp(0x10), 'image/webp')).toBe(false);
  });

  it('finds no animation in the still fixtures', () => {
    for (const [file, type] of [
      ['accept/png-sample.png', 'image/png'],
      ['accept/webp-extended.webp', 'image/webp'],
      ['accept/webp-lossy.webp', 'image/webp'],
      ['accept/jpeg-baseline.jpg', 'image/jpeg'],
    ] as const) {
      expect(isAnimated(fixtureBytes(file), type)).toBe(false);
    }
  });
});

import { z } from 'zod';

/**
 * A placeholder is a ThumbHash (https://evanw.github.io/thumbhash/): about
 * 20 bytes that the page blurs up into a likeness of the photo while the
 * real image loads. The browser computes it; the server only checks that
 * it is well formed and has the photo's shape, and stores it as base64.
 *
 * Layout: 5 header bytes (with `hasAlpha`, `isLandscape` and the count of
 * luminance terms along the shorter side), 1 more when there is alpha,
 * then the AC terms as 4-bit values, two to a byte.
 */

/** The longest ThumbHash: a square photo with alpha. */
export const placeholderMaxBytes = 25;

const base64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface PlaceholderHeader {
  hasAlpha: boolean;
  isLandscape: boolean;
  /** Luminance terms along the shorter side, as the encoder wrote it. */
  shortSideTerms: number;
}

export const placeholder = z
  .string({ error: 'must be text' })
  .max(Math.ceil(placeholderMaxBytes / 3) * 4, {
    error: `must be a ThumbHash of at most ${placeholderMaxBytes} bytes`,
  })
  .regex(base64, { error: 'must be base64' })
  .refine((text) => problemOf(decode(text)) === undefined, {
    error: (issue) =>
      `is not a well-formed ThumbHash: ${problemOf(decode(String(issue.input)))}`,
  });

/**
 * Whether a well-formed placeholder has the photo's shape: landscape for a
 * landscape photo, and as many luminance terms along the shorter side as
 * the encoder gives that aspect ratio (give or take one for rounding at
 * 100 pixels).
 */
export function placeholderFits(
  text: string,
  width: number,
  height: number,
): boolean {
  const header = readHeader(decode(text));
  if (!header || width <= 0 || height <= 0) return false;

  const longest = Math.max(width, height);
  const limit = header.hasAlpha ? 5 : 7;
  const expected = Math.max(
    1,
    Math.round((limit * Math.min(width, height)) / longest),
  );
  const nearSquare = Math.abs(width - height) / longest < 0.02;
  const sideMatches = nearSquare || header.isLandscape === width > height;

  return sideMatches && Math.abs(header.shortSideTerms - expected) <= 1;
}

function decode(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

function readHeader(hash: Uint8Array): PlaceholderHeader | undefined {
  if (hash.length < 5) return undefined;
  const header24 =
    (hash[0] ?? 0) | ((hash[1] ?? 0) << 8) | ((hash[2] ?? 0) << 16);
  const header16 = (hash[3] ?? 0) | ((hash[4] ?? 0) << 8);

  return {
    hasAlpha: header24 >> 23 !== 0,
    isLandscape: header16 >> 15 !== 0,
    shortSideTerms: header16 & 7,
  };
}

/** Why the bytes are not a ThumbHash, or undefined when they are one. */
function problemOf(hash: Uint8Array): string | undefined {
  const header = readHeader(hash);
  if (!header) return 'it is shorter than its 5-byte header';
  if (header.shortSideTerms === 0) return 'its header gives no terms';

  const limit = header.hasAlpha ? 5 : 7;
  const short = Math.max(3, header.shortSideTerms);
  const long = Math.max(3, limit);
  const terms =
    acTerms(long, short) +
    2 * acTerms(3, 3) +
    (header.hasAlpha ? acTerms(5, 5) : 0);
  const expected = (header.hasAlpha ? 6 : 5) + Math.ceil(terms / 2);
  if (hash.length !== expected) {
    return `its header calls for ${expected} bytes, and it has ${hash.length}`;
  }

  return undefined;
}

/**
 * How many AC terms a channel of `nx` × `ny` terms keeps: the encoder
 * drops the corner beyond the diagonal. Symmetric in `nx` and `ny`.
 */
function acTerms(nx: number, ny: number): number {
  let count = 0;
  for (let cy = 0; cy < ny; cy += 1) {
    for (let cx = cy === 0 ? 1 : 0; cx * ny < nx * (ny - cy); cx += 1) {
      count += 1;
    }
  }

  return count;
}

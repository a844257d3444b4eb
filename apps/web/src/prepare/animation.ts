import { ascii } from './byte-view.ts';
import { pngChunkBeforeData } from './png-chunks.ts';

/**
 * Whether a PNG or WebP is animated (APNG, animated WebP). Drawing one on
 * a canvas keeps its first frame only, so an animated picture is never
 * resized: it is sent as it is, like a GIF.
 */
export function isAnimated(bytes: Uint8Array, type: string): boolean {
  if (type === 'image/png') return pngHasAnimation(bytes);
  if (type === 'image/webp') return webpHasAnimation(bytes);

  return false;
}

/** An APNG has an `acTL` chunk before its first `IDAT`. */
function pngHasAnimation(bytes: Uint8Array): boolean {
  return pngChunkBeforeData(bytes, 'acTL') !== undefined;
}

/** An animated WebP sets the animation flag of its `VP8X` chunk. */
function webpHasAnimation(bytes: Uint8Array): boolean {
  const flags = bytes[20] ?? 0;

  return ascii(bytes, 12, 4) === 'VP8X' && (flags & 0x02) !== 0;
}

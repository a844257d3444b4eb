import { ascii, viewOf } from './byte-view.ts';

/** Where a chunk's data lies in the bytes of its PNG. */
export interface PngChunkData {
  dataStart: number;
  dataEnd: number;
}

/**
 * The first chunk of the given type before a PNG's picture data (its
 * first IDAT): where browsers read the chunks that change how it is
 * shown (animation, EXIF turn), and ignore those after. Undefined when
 * there is none; reads as far as the bytes go, and never throws.
 */
export function pngChunkBeforeData(
  bytes: Uint8Array,
  type: string,
): PngChunkData | undefined {
  const view = viewOf(bytes);
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const found = ascii(bytes, at + 4, 4);
    if (found === 'IDAT') return undefined;
    if (found === type) {
      const dataStart = at + 8;
      return {
        dataStart,
        dataEnd: Math.min(dataStart + length, bytes.length),
      };
    }
    at += 12 + length;
  }

  return undefined;
}

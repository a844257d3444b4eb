import { ascii } from './byte-view.ts';
import { readJpegParts } from './jpeg-layout.ts';
import type { SniffedType } from './sniff-type.ts';

/**
 * Whether a JPEG, PNG or GIF lacks its end: the EOI marker, the IEND
 * chunk, the trailer byte. A browser may still draw what is there; the
 * server refuses it, saying it is cut short.
 */
export function isCutShort(bytes: Uint8Array, type: SniffedType): boolean {
  switch (type) {
    case 'image/jpeg':
      return readJpegParts(bytes)?.eoi === undefined;
    case 'image/png':
      return ascii(bytes, bytes.length - 8, 4) !== 'IEND';
    case 'image/gif':
      return bytes.at(-1) !== 0x3b;
    default:
      return false;
  }
}

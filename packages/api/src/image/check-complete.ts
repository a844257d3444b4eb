import type { ImageType } from '../rules/image-types.ts';

/** Reads `length` bytes of the file from `offset` (fewer at its end). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

/** How far from the end the end marker of a JPEG, PNG or GIF may sit. */
const tailBytes = 1024;

/** The most top-level boxes an AVIF file is walked through. */
const maxBoxes = 64;

/**
 * Whether a file whose header reads well also has its end: a photo cut
 * short on the way still has a perfect header, and browsers show it half
 * grey. Each format marks its end its own way; only a few bytes are read.
 */
export async function isComplete(
  type: ImageType,
  byteSize: number,
  readAt: ReadAt,
): Promise<boolean> {
  if (type === 'image/webp') return riffFits(byteSize, readAt);
  if (type === 'image/avif') return boxesFill(byteSize, readAt);

  const start = Math.max(0, byteSize - tailBytes);
  const tail = await readAt(start, byteSize - start);
  if (type === 'image/jpeg') {
    return (
      endsWith(tail, [0xff, 0xd9], tailBytes) || (await declaresTrailer(readAt))
    );
  }
  if (type === 'image/png') return hasIend(tail);

  return endsWith(tail, [0x3b], 16);
}

/** JPEG ends with the EOI marker, GIF with its trailer byte; some tools
 * pad a few bytes after them. */
function endsWith(tail: Uint8Array, marker: number[], slack: number) {
  const from = Math.max(0, tail.length - slack - marker.length);
  for (let at = tail.length - marker.length; at >= from; at -= 1) {
    if (marker.every((byte, index) => tail[at + index] === byte)) return true;
  }
  return false;
}

/**
 * Motion photos (Google's and Samsung's) append a video after the JPEG's
 * end marker and say so in the XMP of the header: their end is the
 * video's, not a JPEG's.
 */
async function declaresTrailer(readAt: ReadAt): Promise<boolean> {
  const head = new TextDecoder('latin1').decode(await readAt(0, 64 * 1024));

  return /MotionPhoto|MicroVideo|Container:Directory/.test(head);
}

/** PNG ends with an IEND chunk: its type, then a 4-byte checksum. */
function hasIend(tail: Uint8Array): boolean {
  const iend = [0x49, 0x45, 0x4e, 0x44];
  return endsWith(tail.subarray(0, Math.max(0, tail.length - 4)), iend, 0);
}

/** A WebP file is one RIFF chunk whose size the header gives. */
async function riffFits(byteSize: number, readAt: ReadAt) {
  const header = await readAt(0, 12);
  const view = new DataView(header.buffer, header.byteOffset, 12);

  return header.length === 12 && view.getUint32(4, true) + 8 <= byteSize;
}

/** AVIF is a chain of boxes, each giving its size; they must reach the
 * end of the file exactly. */
async function boxesFill(byteSize: number, readAt: ReadAt) {
  let offset = 0;
  for (let box = 0; box < maxBoxes && offset < byteSize; box += 1) {
    const header = await readAt(offset, 16);
    if (header.length < 8) return false;
    const view = new DataView(header.buffer, header.byteOffset, header.length);
    const size32 = view.getUint32(0);
    if (size32 === 0) return true; // runs to the end of the file
    const size =
      size32 === 1 && header.length >= 16
        ? Number(view.getBigUint64(8))
        : size32;
    if (size < 8) return false;
    offset += size;
  }

  return offset === byteSize;
}

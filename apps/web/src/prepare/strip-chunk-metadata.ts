import { ascii, viewOf } from './byte-view.ts';
import { readTiffOrientation } from './exif-orientation.ts';

/** What removing a PNG's or WebP's metadata chunks gave. */
export type ChunkStrip =
  | { kind: 'untouched' }
  | { kind: 'stripped'; bytes: Uint8Array<ArrayBuffer> }
  /**
   * Its EXIF turns the picture, or its chunks cannot be read: only
   * encoding it anew (upright) removes the metadata safely.
   */
  | { kind: 'encode-anew' };

export interface StripOptions {
  /**
   * Strip the chunks even when the EXIF turns the picture, losing the
   * turn: for an animated picture, which cannot be encoded anew.
   */
  evenIfTurned?: boolean;
}

interface Chunk {
  type: string;
  start: number;
  /** Where its data starts and ends. */
  dataStart: number;
  dataEnd: number;
  /** Just past the chunk, padding or CRC included. */
  end: number;
}

// PNG chunks that hold text, EXIF or XMP, where a location can hide.
const pngMetadata = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt']);
// WebP chunks of EXIF and XMP, and their flags in the VP8X header.
const webpMetadata = new Set(['EXIF', 'XMP ']);
const webpFlagExif = 0x08;
const webpFlagXmp = 0x04;

/**
 * A PNG without its text, EXIF and XMP chunks, so without a location or
 * an author. Whole chunks go, so no checksum needs writing anew.
 */
export function stripPngMetadata(
  bytes: Uint8Array<ArrayBuffer>,
  options: StripOptions = {},
): ChunkStrip {
  const chunks = walk(bytes, 8, 4, (at) => {
    const length = viewOf(bytes).getUint32(at);
    return {
      dataStart: at + 8,
      dataEnd: at + 8 + length,
      end: at + 12 + length,
    };
  });
  if (chunks?.at(-1)?.type !== 'IEND') return { kind: 'encode-anew' };

  return strip(bytes, chunks, pngMetadata, 'eXIf', options, () => undefined);
}

/**
 * A WebP without its EXIF and XMP chunks, its header's flags and size
 * told so. A simple WebP (no VP8X header) holds no metadata.
 */
export function stripWebpMetadata(
  bytes: Uint8Array<ArrayBuffer>,
  options: StripOptions = {},
): ChunkStrip {
  const chunks = walk(bytes, 12, 0, (at) => {
    const length = viewOf(bytes).getUint32(at + 4, true);
    const dataEnd = at + 8 + length;
    return { dataStart: at + 8, dataEnd, end: dataEnd + (length % 2) };
  });
  if (!chunks) return { kind: 'encode-anew' };

  return strip(bytes, chunks, webpMetadata, 'EXIF', options, (joined) => {
    const view = viewOf(joined);
    view.setUint32(4, joined.length - 8, true);
    if (ascii(joined, 12, 4) === 'VP8X') {
      joined[20] = (joined[20] ?? 0) & ~(webpFlagExif | webpFlagXmp);
    }
  });
}

function strip(
  bytes: Uint8Array<ArrayBuffer>,
  chunks: Chunk[],
  metadata: Set<string>,
  exifType: string,
  options: StripOptions,
  mend: (joined: Uint8Array<ArrayBuffer>) => void,
): ChunkStrip {
  const dropped = chunks.filter((chunk) => metadata.has(chunk.type));
  if (dropped.length === 0) return { kind: 'untouched' };
  const turned =
    !options.evenIfTurned &&
    dropped.some(
      (chunk) =>
        chunk.type === exifType &&
        readTiffOrientation(bytes.subarray(chunk.dataStart, chunk.dataEnd)) !==
          1,
    );
  if (turned) return { kind: 'encode-anew' };

  const first = chunks[0]?.start ?? bytes.length;
  const kept = chunks.filter((chunk) => !metadata.has(chunk.type));
  const length =
    first + kept.reduce((sum, chunk) => sum + chunk.end - chunk.start, 0);
  const joined = new Uint8Array(length);
  joined.set(bytes.subarray(0, first));
  let at = first;
  for (const chunk of kept) {
    joined.set(bytes.subarray(chunk.start, chunk.end), at);
    at += chunk.end - chunk.start;
  }
  mend(joined);

  return { kind: 'stripped', bytes: joined };
}

/**
 * The chunks laid end to end from `from`, each named by the four letters
 * at `typeAt` within it; undefined when one runs past the bytes.
 */
function walk(
  bytes: Uint8Array,
  from: number,
  typeAt: number,
  measure: (at: number) => Omit<Chunk, 'type' | 'start'>,
): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let at = from;
  while (at + 8 <= bytes.length) {
    const size = measure(at);
    if (size.dataEnd > bytes.length) return undefined;
    const end = Math.min(size.end, bytes.length);
    chunks.push({
      type: ascii(bytes, at + typeAt, 4),
      start: at,
      ...size,
      end,
    });
    at = end;
  }

  return at === bytes.length ? chunks : undefined;
}

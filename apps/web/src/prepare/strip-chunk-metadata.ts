import { ascii, concatBytes, viewOf } from './byte-view.ts';
import { crc32 } from './crc32.ts';
import { orientationTiff, readTiffOrientation } from './exif-orientation.ts';

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

  return strip(
    bytes,
    chunks,
    pngMetadata,
    'eXIf',
    options,
    () => undefined,
    (orientation) => pngChunk('eXIf', orientationTiff(orientation)),
  );
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
  turnChunk?: (orientation: number) => Uint8Array,
): ChunkStrip {
  const dropped = chunks.filter((chunk) => metadata.has(chunk.type));
  if (dropped.length === 0) return { kind: 'untouched' };
  const exif = dropped.find((chunk) => chunk.type === exifType);
  const orientation = exif
    ? readTiffOrientation(bytes.subarray(exif.dataStart, exif.dataEnd))
    : 1;
  if (orientation !== 1 && !options.evenIfTurned) {
    return { kind: 'encode-anew' };
  }
  // The turn, kept in a chunk that says nothing else, where one can be.
  const turn = orientation === 1 ? undefined : turnChunk?.(orientation);

  const parts: Uint8Array[] = [bytes.subarray(0, chunks[0]?.start ?? 0)];
  for (const chunk of chunks) {
    if (chunk === exif && turn) parts.push(turn);
    else if (!metadata.has(chunk.type)) {
      parts.push(bytes.subarray(chunk.start, chunk.end));
    }
  }
  const joined = concatBytes(parts);
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

/** A PNG chunk: length, type, data and its CRC. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = viewOf(chunk);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index += 1) {
    chunk[4 + index] = type.charCodeAt(index);
  }
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));

  return chunk;
}

import { ascii, viewOf } from './byte-view.ts';
import {
  isExifSegment,
  readExifOrientation,
  readTiffOrientation,
} from './exif-orientation.ts';
import { readHeifSize } from './heif-header.ts';
import { isFrameMarker, readJpegLayout } from './jpeg-layout.ts';
import { pngChunkBeforeData } from './png-chunks.ts';
import type { SniffedType } from './sniff-type.ts';

/** What a photo's header says, read without decoding the picture. */
export interface HeaderFacts {
  /** The size as shown, with the EXIF orientation applied. */
  width: number;
  height: number;
  /** The EXIF orientation, 1 to 8; 1 when the file has none. */
  orientation: number;
}

/**
 * Reads the displayed size and orientation from the first bytes of an
 * image of the given type. Undefined when the header cannot be read; it
 * never throws.
 */
export function readHeaderFacts(
  bytes: Uint8Array,
  type: SniffedType,
): HeaderFacts | undefined {
  try {
    const facts = readers[type](bytes);
    return facts && facts.width > 0 && facts.height > 0 ? facts : undefined;
  } catch {
    return undefined;
  }
}

const readers: Record<
  SniffedType,
  (bytes: Uint8Array) => HeaderFacts | undefined
> = {
  'image/jpeg': readJpeg,
  'image/png': readPng,
  'image/gif': (bytes) =>
    upright(viewOf(bytes).getUint16(6, true), viewOf(bytes).getUint16(8, true)),
  'image/webp': readWebp,
  'image/avif': readHeif,
  'image/heic': readHeif,
};

function upright(width: number, height: number): HeaderFacts {
  return { width, height, orientation: 1 };
}

/** Orientations 5 to 8 turn the picture a quarter. */
function turned(width: number, height: number, orientation: number) {
  return orientation >= 5
    ? { width: height, height: width, orientation }
    : { width, height, orientation };
}

function readJpeg(bytes: Uint8Array): HeaderFacts | undefined {
  const header = readJpegLayout(bytes)?.header ?? [];
  const frame = header.find((segment) => isFrameMarker(segment.marker));
  if (!frame) return undefined;
  const exif = header.find((segment) => isExifSegment(bytes, segment));
  const orientation = exif ? readExifOrientation(bytes, exif) : 1;
  const view = viewOf(bytes);
  const height = view.getUint16(frame.dataStart + 1);
  const width = view.getUint16(frame.dataStart + 3);

  return turned(width, height, orientation);
}

/**
 * A PNG's size as shown. Chromium turns it by an `eXIf` chunk that comes
 * before the picture data (IDAT), and ignores one after it.
 */
function readPng(bytes: Uint8Array): HeaderFacts | undefined {
  if (ascii(bytes, 12, 4) !== 'IHDR') return undefined;
  const view = viewOf(bytes);
  const exif = pngChunkBeforeData(bytes, 'eXIf');
  const orientation = exif
    ? readTiffOrientation(bytes.subarray(exif.dataStart, exif.dataEnd))
    : 1;

  return turned(view.getUint32(16), view.getUint32(20), orientation);
}

/** Lossy (VP8), lossless (VP8L) and extended (VP8X) WebP. */
function readWebp(bytes: Uint8Array): HeaderFacts | undefined {
  const view = viewOf(bytes);
  switch (ascii(bytes, 12, 4)) {
    case 'VP8 ':
      return upright(
        view.getUint16(26, true) & 0x3fff,
        view.getUint16(28, true) & 0x3fff,
      );
    case 'VP8L': {
      const bits = view.getUint32(21, true);
      return upright((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
    case 'VP8X':
      return upright(
        (view.getUint32(24, true) & 0xffffff) + 1,
        (view.getUint32(27, true) & 0xffffff) + 1,
      );
    default:
      return undefined;
  }
}

function readHeif(bytes: Uint8Array): HeaderFacts | undefined {
  const size = readHeifSize(bytes);

  return size && upright(size.width, size.height);
}

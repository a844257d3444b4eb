import { ascii, concatBytes } from './byte-view.ts';
import {
  isExifSegment,
  orientationSegment,
  readExifOrientation,
} from './exif-orientation.ts';
import {
  isFrameMarker,
  type JpegSegment,
  readJpegParts,
} from './jpeg-layout.ts';

const sos = 0xda;

/**
 * Whether a segment is kept: only what draws the picture, named one by
 * one, and only with the exact shape the standard gives it, so that no
 * segment can carry anything else. Frames, Huffman and quantisation
 * tables, scans, restart intervals and line counts; a JFIF header (not
 * a JFXX thumbnail, a whole JPEG with EXIF of its own); ICC colour
 * profiles; Adobe's colour transform. Every other application segment
 * (EXIF, XMP, IPTC, maker data, a GoPro's GPS track, whatever the next
 * camera invents) and every comment goes.
 */
function isKept(bytes: Uint8Array, segment: JpegSegment): boolean {
  const { marker, dataStart, end } = segment;
  const length = end - dataStart;
  const at = (offset: number) => bytes[dataStart + offset] ?? 0;

  if (isFrameMarker(marker)) return length === 6 + 3 * at(5);
  switch (marker) {
    case 0xc4:
      return tablesFill(bytes, dataStart, end, huffmanTableLength);
    case 0xdb:
      return tablesFill(bytes, dataStart, end, quantisationTableLength);
    case 0xcc: // arithmetic coding conditions, two bytes each
      return length % 2 === 0;
    case sos:
      return length === 4 + 2 * at(0);
    case 0xdd: // restart interval
    case 0xdc: // number of lines
      return length === 2;
    case 0xe0:
      return (
        length === 14 &&
        ascii(bytes, dataStart, 5) === 'JFIF\0' &&
        at(12) === 0 &&
        at(13) === 0
      );
    case 0xe2:
      return ascii(bytes, dataStart, 12) === 'ICC_PROFILE\0';
    case 0xee:
      return length === 12 && ascii(bytes, dataStart, 5) === 'Adobe';
    default:
      return false;
  }
}

/** A Huffman table: class and id, 16 counts, then that many symbols. */
function huffmanTableLength(bytes: Uint8Array, at: number): number {
  let symbols = 0;
  for (let index = 1; index <= 16; index += 1)
    symbols += bytes[at + index] ?? 0;

  return 17 + symbols;
}

/** A quantisation table: precision and id, 64 values of 1 or 2 bytes. */
function quantisationTableLength(bytes: Uint8Array, at: number): number {
  return 1 + ((bytes[at] ?? 0) >> 4 === 0 ? 64 : 128);
}

/** Whether tables laid end to end fill a segment exactly. */
function tablesFill(
  bytes: Uint8Array,
  from: number,
  to: number,
  tableLength: (bytes: Uint8Array, at: number) => number,
): boolean {
  let at = from;
  while (at < to) at += tableLength(bytes, at);

  return at === to && to > from;
}

/**
 * A JPEG with nothing but its picture: every segment that is not needed
 * to draw it goes, wherever it sits (before the first scan or between
 * scans), and so does whatever follows the EOI: phones append a motion
 * photo's video or more pictures there, each with metadata of its own.
 * An orientation other than 1 is written back in a minimal Exif segment,
 * so the photo still shows upright.
 *
 * Returns the input itself when there is nothing to remove, and when the
 * bytes are not a JPEG it can read: it never throws. `stripReadableJpeg`
 * tells the two apart. A JPEG cut short keeps its cut: the server names
 * it as such.
 */
export function stripJpegMetadata(
  bytes: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  const stripped = stripReadableJpeg(bytes);

  return stripped === 'unreadable' ? bytes : stripped;
}

/**
 * `stripJpegMetadata`, saying `unreadable` rather than giving the input
 * back when the bytes are not a JPEG it can read: one walk of the file
 * answers both questions.
 */
export function stripReadableJpeg(
  bytes: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> | 'unreadable' {
  try {
    return strip(bytes);
  } catch {
    return 'unreadable';
  }
}

function strip(
  bytes: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> | 'unreadable' {
  const parts = readJpegParts(bytes);
  if (!parts) return 'unreadable';
  const { segments, eoi } = parts;
  // Decoders take the orientation from the header, before the first scan.
  const header = segments.slice(
    0,
    segments.findIndex((segment) => segment.marker === sos) + 1,
  );
  const exif = header.find((segment) => isExifSegment(bytes, segment));
  const orientation = exif ? readExifOrientation(bytes, exif) : 1;
  const upright =
    orientation === 1 ? undefined : orientationSegment(orientation);
  // An Exif segment that already says only the orientation is kept as is.
  const exifKept = exif && upright && sameBytes(bytes, exif, upright);
  const dropped = new Set(
    segments.filter(
      (segment) => !isKept(bytes, segment) && !(exifKept && segment === exif),
    ),
  );
  const trailer = eoi !== undefined && eoi + 2 < bytes.length;
  if (dropped.size === 0 && !trailer) return bytes;

  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  segments.forEach((segment, index) => {
    if (segment === exif && upright) out.push(upright);
    else if (!dropped.has(segment)) {
      out.push(bytes.subarray(segment.start, segment.end));
    }
    // A scan's data runs from its SOS to the next segment or the EOI.
    if (segment.marker === sos) {
      const next = segments[index + 1]?.start ?? eoi ?? bytes.length;
      out.push(bytes.subarray(segment.end, next));
    }
  });
  if (eoi !== undefined) out.push(bytes.subarray(eoi, eoi + 2));

  return concatBytes(out);
}

function sameBytes(
  bytes: Uint8Array,
  segment: JpegSegment,
  expected: Uint8Array,
): boolean {
  const actual = bytes.subarray(segment.start, segment.end);

  return (
    actual.length === expected.length &&
    actual.every((byte, index) => byte === expected[index])
  );
}

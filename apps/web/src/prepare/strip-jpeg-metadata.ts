import { ascii } from './byte-view.ts';
import {
  isExifSegment,
  orientationSegment,
  readExifOrientation,
} from './exif-orientation.ts';
import { type JpegSegment, readJpegLayout } from './jpeg-layout.ts';

const app1 = 0xe1;
const app2 = 0xe2;
const app13 = 0xed;
const comment = 0xfe;

/** XMP, and the extension a long XMP packet continues in. */
function isXmpSegment(bytes: Uint8Array, segment: JpegSegment): boolean {
  if (segment.marker !== app1) return false;
  const name = ascii(bytes, segment.dataStart, 35);

  return (
    name.startsWith('http://ns.adobe.com/xap/1.0/\0') ||
    name.startsWith('http://ns.adobe.com/xmp/extension/\0')
  );
}

/** A Multi-Picture index: it points at pictures after the EOI. */
function isMpfSegment(bytes: Uint8Array, segment: JpegSegment): boolean {
  return (
    segment.marker === app2 && ascii(bytes, segment.dataStart, 4) === 'MPF\0'
  );
}

/**
 * A JPEG without its location and personal metadata: the Exif and XMP
 * APP1 segments, the APP13 Photoshop/IPTC segment and comments go; JFIF,
 * ICC profiles, Adobe colour, the tables, the frame and the scans stay.
 * An orientation other than 1 is written back in a minimal Exif segment,
 * so the photo still shows upright.
 *
 * Whatever follows the EOI goes too: phones append a motion photo's video,
 * or more pictures, there, and anything appended can carry metadata of
 * its own (a second JPEG with a location, say).
 *
 * Returns the input itself when there is nothing to remove, and when the
 * bytes are not a JPEG it can read: it never throws. `isReadableJpeg`
 * tells the two apart.
 */
export function stripJpegMetadata(
  bytes: Uint8Array<ArrayBuffer>,
): Uint8Array<ArrayBuffer> {
  try {
    return strip(bytes);
  } catch {
    return bytes;
  }
}

function strip(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const layout = readJpegLayout(bytes);
  if (!layout) return bytes;
  const exif = layout.header.filter((s) => isExifSegment(bytes, s));
  const xmp = layout.header.filter((s) => isXmpSegment(bytes, s));
  const mpf = layout.header.filter((s) => isMpfSegment(bytes, s));
  const photoshop = layout.header.filter(
    (s) => s.marker === app13 || s.marker === comment,
  );
  const cutTrailer = layout.end !== undefined && layout.end < bytes.length;
  const orientation = exif[0] ? readExifOrientation(bytes, exif[0]) : 1;
  const kept = orientation === 1 ? undefined : orientationSegment(orientation);
  // An Exif segment that already says only the orientation stays as it is.
  const exifToRemove =
    exif.length === 1 && exif[0] && kept && sameBytes(bytes, exif[0], kept)
      ? []
      : exif;
  const dropped = new Set([
    ...exifToRemove,
    ...xmp,
    ...photoshop,
    ...(cutTrailer ? mpf : []),
  ]);
  if (dropped.size === 0 && !cutTrailer) return bytes;

  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  for (const segment of layout.header) {
    if (segment === exif[0] && kept) parts.push(kept);
    else if (!dropped.has(segment)) {
      parts.push(bytes.subarray(segment.start, segment.end));
    }
  }
  const scansStart = layout.header.at(-1)?.end ?? bytes.length;
  parts.push(bytes.subarray(scansStart, cutTrailer ? layout.end : undefined));

  return concat(parts);
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

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }

  return joined;
}

/** Whether the bytes are a JPEG whose metadata `stripJpegMetadata` reads. */
export function isReadableJpeg(bytes: Uint8Array): boolean {
  return readJpegLayout(bytes) !== undefined;
}

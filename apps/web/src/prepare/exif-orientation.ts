import { ascii, viewOf } from './byte-view.ts';
import type { JpegSegment } from './jpeg-layout.ts';

const app1 = 0xe1;
const orientationTag = 0x0112;
const shortType = 3;

/**
 * Whether a segment is an APP1 holding EXIF: `Exif\0`, one more byte
 * (0, or a 0xFF fill that Chromium reads past too), then TIFF.
 */
export function isExifSegment(bytes: Uint8Array, segment: JpegSegment) {
  const pad = bytes[segment.dataStart + 5];

  return (
    segment.marker === app1 &&
    ascii(bytes, segment.dataStart, 5) === 'Exif\0' &&
    (pad === 0 || pad === 0xff)
  );
}

/**
 * The EXIF orientation (1 to 8) an Exif APP1 segment gives its photo: 1,
 * upright, when it names none or gives a value out of range. Reads the
 * first image directory (IFD0) of either byte order.
 */
export function readExifOrientation(
  bytes: Uint8Array,
  segment: JpegSegment,
): number {
  return readTiffOrientation(
    bytes.subarray(segment.dataStart + 6, segment.end),
  );
}

/**
 * The orientation a TIFF block of EXIF gives (what follows `Exif\0\0` in a
 * JPEG, and the whole of a PNG `eXIf` or WebP `EXIF` chunk): 1 when none.
 */
export function readTiffOrientation(block: Uint8Array): number {
  const tiff = viewOf(block);
  if (tiff.byteLength < 8) return 1;
  const order = ascii(block, 0, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const little = order === 'II';
  const directory = tiff.getUint32(4, little);
  if (directory + 2 > tiff.byteLength) return 1;
  const entries = tiff.getUint16(directory, little);

  for (let index = 0; index < entries; index += 1) {
    const entry = directory + 2 + index * 12;
    if (entry + 12 > tiff.byteLength) return 1;
    if (tiff.getUint16(entry, little) !== orientationTag) continue;
    const value = tiff.getUint16(entry + 8, little);
    // One SHORT, as browsers require; any other entry turns nothing.
    const valid =
      tiff.getUint16(entry + 2, little) === shortType &&
      tiff.getUint32(entry + 4, little) === 1;
    return valid && value >= 1 && value <= 8 ? value : 1;
  }

  return 1;
}

/**
 * A whole Exif APP1 segment that says only the orientation: what stays of
 * a photo's EXIF once its metadata is removed, so it still shows upright.
 */
export function orientationSegment(orientation: number): Uint8Array {
  const segment = new Uint8Array(34);
  const view = viewOf(segment);
  view.setUint16(0, 0xffe1);
  view.setUint16(2, 32); // the length counts itself, not the marker
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
  // TIFF header, big-endian ("MM", 42), with IFD0 right after it.
  segment.set([0x4d, 0x4d, 0, 42, 0, 0, 0, 8], 10);
  view.setUint16(18, 1); // one entry
  view.setUint16(20, orientationTag);
  view.setUint16(22, shortType);
  view.setUint32(24, 1); // one value, held in the entry itself
  view.setUint16(28, orientation);
  view.setUint32(30, 0); // no next directory

  return segment;
}

/** The TIFF block of `orientationSegment`: EXIF saying only the turn. */
export function orientationTiff(orientation: number): Uint8Array {
  return orientationSegment(orientation).subarray(10);
}

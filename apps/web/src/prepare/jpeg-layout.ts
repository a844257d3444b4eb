import { viewOf } from './byte-view.ts';

/** One marker segment of a JPEG header, by its offsets in the file. */
export interface JpegSegment {
  /** The byte after 0xFF: 0xE1 for APP1, 0xDA for SOS… */
  marker: number;
  /** Where its 0xFF is. */
  start: number;
  /** Where its payload starts, after the two length bytes. */
  dataStart: number;
  /** Just past its last byte. */
  end: number;
}

/** Where the parts of a JPEG file are. */
export interface JpegLayout {
  /** The segments after SOI, up to and including the first SOS. */
  header: JpegSegment[];
  /** Just past the EOI marker; undefined when the file has none. */
  end: number | undefined;
}

const sos = 0xda;
const eoi = 0xd9;

/** Start-of-frame markers: 0xC0 to 0xCF, less DHT, JPG and DAC. */
export function isFrameMarker(marker: number): boolean {
  return (
    marker >= 0xc0 &&
    marker <= 0xcf &&
    marker !== 0xc4 &&
    marker !== 0xc8 &&
    marker !== 0xcc
  );
}

/** Markers that stand alone, with no length: TEM and RST0 to RST7. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Finds a JPEG's header segments and its end. Undefined when the bytes are
 * not a JPEG or a segment runs past them; it never throws.
 */
export function readJpegLayout(bytes: Uint8Array): JpegLayout | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = viewOf(bytes);
  const header: JpegSegment[] = [];
  let at = 2;

  for (;;) {
    // Stray bytes before a marker: decoders skip them (libjpeg warns of
    // "extraneous bytes"), so the segments after them count too.
    while (at < bytes.length && bytes[at] !== 0xff) at += 1;
    if (at >= bytes.length) return undefined;
    // Any number of 0xFF may pad the space before a marker.
    while (bytes[at + 1] === 0xff) at += 1;
    const marker = bytes[at + 1];
    if (marker === undefined || marker === eoi) return undefined;
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return undefined;
    const end = at + 2 + view.getUint16(at + 2);
    if (end < at + 4 || end > bytes.length) return undefined;
    header.push({ marker, start: at, dataStart: at + 4, end });
    at = end;
    if (marker === sos) break;
  }

  return { header, end: findEnd(bytes, at) };
}

/** Every segment of a JPEG, those between its scans too, and its end. */
export interface JpegParts {
  /** In file order; each SOS is followed by its scan data. */
  segments: JpegSegment[];
  /** Where the EOI marker is; undefined when the file has none. */
  eoi: number | undefined;
}

/**
 * Finds every segment of a JPEG, including the tables, comments and
 * application segments a progressive JPEG may hold between its scans.
 * Undefined when its header cannot be read; it never throws.
 */
export function readJpegParts(bytes: Uint8Array): JpegParts | undefined {
  const layout = readJpegLayout(bytes);
  if (!layout) return undefined;
  const view = viewOf(bytes);
  const segments = [...layout.header];
  let at = layout.header.at(-1)?.end ?? bytes.length;

  while (at + 1 < bytes.length) {
    // Scan data is most of the file: let the engine find the next 0xFF.
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) break;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0x00 || marker === 0xff || isStandalone(marker)) {
      at += 1;
      continue;
    }
    if (marker === eoi) return { segments, eoi: at };
    if (at + 4 > bytes.length) break;
    const end = at + 2 + view.getUint16(at + 2);
    if (end > bytes.length) break;
    segments.push({ marker, start: at, dataStart: at + 4, end });
    at = end;
  }

  return { segments, eoi: undefined };
}

/**
 * Walks the scans after the first SOS to the EOI. Inside scan data every
 * 0xFF is followed by 0x00 or a restart marker, so the first other marker
 * is either a segment between scans (skipped by its length) or the EOI.
 */
function findEnd(bytes: Uint8Array, from: number): number | undefined {
  const view = viewOf(bytes);
  let at = from;
  while (at + 1 < bytes.length) {
    at = bytes.indexOf(0xff, at);
    if (at < 0) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === eoi) return at + 2;
    if (marker === 0x00 || marker === 0xff || isStandalone(marker)) {
      at += 1;
      continue;
    }
    if (at + 4 > bytes.length) return undefined;
    at += 2 + view.getUint16(at + 2);
  }

  return undefined;
}

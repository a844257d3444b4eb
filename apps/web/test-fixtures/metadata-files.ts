import { crc32 } from 'node:zlib';
import { fixtureBytes } from '../../server/test/support/fixtures.ts';
import { webFixture } from './web-fixtures.ts';

// PNG and WebP files with a location, made in the test from the shared
// fixtures: exiftool 12.57 cannot write WebP, and these need no tool.

/** The EXIF (a TIFF block) of the GPS fixture: location, author and all. */
export const gpsExif = (() => {
  const jpeg = webFixture('photo-portrait-exif6-gps.jpg');
  const at = Buffer.from(jpeg).indexOf('Exif\0\0');
  const length = ((jpeg[at - 2] ?? 0) << 8) + (jpeg[at - 1] ?? 0);
  return jpeg.subarray(at + 6, at - 2 + length);
})();

/** The same EXIF saying the picture is upright. */
export function upright(tiff: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(tiff);
  const at = Buffer.from(copy).indexOf(Buffer.from([0x01, 0x12, 0, 3]));
  copy[at + 9] = 1;
  return copy;
}

/** An XMP packet, as a PNG iTXt or a WebP XMP chunk holds it. */
export const xmpPacket =
  'XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta><exif:GPSLatitude>48,51N' +
  '</exif:GPSLatitude><dc:creator>Jane Doe</dc:creator></x:xmpmeta>';

/** A PNG chunk: length, type, data and a right CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** The sample PNG with metadata chunks put before its IEND. */
export function pngWith(...chunks: Buffer[]): Uint8Array<ArrayBuffer> {
  const png = fixtureBytes('accept/png-sample.png');
  const iend = png.length - 12;
  return new Uint8Array(
    Buffer.concat([png.subarray(0, iend), ...chunks, png.subarray(iend)]),
  );
}

/** The sample PNG with chunks put before its picture data, after IHDR. */
export function pngWithFirst(...chunks: Buffer[]): Uint8Array<ArrayBuffer> {
  const png = fixtureBytes('accept/png-sample.png');
  const afterHeader = 8 + 25;
  return new Uint8Array(
    Buffer.concat([
      png.subarray(0, afterHeader),
      ...chunks,
      png.subarray(afterHeader),
    ]),
  );
}

/** A WebP (RIFF) chunk: type, little-endian length, data, padding. */
export function webpChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  const pad = Buffer.alloc(data.length % 2);
  return Buffer.concat([head, data, pad]);
}

/** The extended WebP with EXIF and XMP chunks, flagged in its header. */
export function webpWith(...chunks: Buffer[]): Uint8Array<ArrayBuffer> {
  const joined = Buffer.concat([
    fixtureBytes('accept/webp-extended.webp'),
    ...chunks,
  ]);
  joined.writeUInt32LE(joined.length - 8, 4);
  joined[20] = (joined[20] ?? 0) | 0x0c;
  return new Uint8Array(joined);
}

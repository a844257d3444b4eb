import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../server/test/support/fixtures.ts';
import {
  gpsExif,
  pngChunk,
  pngWith,
  upright,
  webpChunk,
  webpWith,
  xmpPacket,
} from '../../test-fixtures/metadata-files.ts';
import { orientationTiff } from './exif-orientation.ts';
import { stripPngMetadata, stripWebpMetadata } from './strip-chunk-metadata.ts';

// Found by a tester: PNG and WebP files kept their GPS, XMP and author.

const has = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

describe('stripPngMetadata', () => {
  it('removes EXIF, XMP and text, and keeps the picture', async () => {
    const original = fixtureBytes('accept/png-sample.png');
    const png = pngWith(
      pngChunk('eXIf', upright(gpsExif)),
      pngChunk('iTXt', Buffer.from(xmpPacket, 'latin1')),
      pngChunk('tEXt', Buffer.from('Author\0Jane Doe', 'latin1')),
    );
    expect(await exifr.gps(png)).toMatchObject({ latitude: 48.8584 });

    const result = stripPngMetadata(png);

    if (result.kind !== 'stripped') throw new Error(result.kind);
    expect(Buffer.from(result.bytes).equals(original)).toBe(true);
    expect(has(result.bytes, 'Jane Doe')).toBe(false);
  });

  it('leaves a PNG without metadata untouched', () => {
    const png = new Uint8Array(fixtureBytes('accept/png-sample.png'));
    expect(stripPngMetadata(png)).toEqual({ kind: 'untouched' });
  });

  it('asks for a new encoding when the EXIF turns the picture', () => {
    const png = pngWith(pngChunk('eXIf', gpsExif));
    expect(stripPngMetadata(png)).toEqual({ kind: 'encode-anew' });
  });

  // Found by a third tester: an animated PNG turned by its EXIF lost the
  // turn with its metadata, and showed on its side.
  it('keeps only the turn of a picture that cannot be encoded anew', () => {
    const png = pngWith(pngChunk('eXIf', gpsExif));

    const result = stripPngMetadata(png, { evenIfTurned: true });

    if (result.kind !== 'stripped') throw new Error(result.kind);
    expect(has(result.bytes, 'Jane Doe')).toBe(false);
    const at = Buffer.from(result.bytes).indexOf('eXIf') - 4;
    const expected = pngChunk('eXIf', orientationTiff(6));
    expect(
      Buffer.from(result.bytes.subarray(at, at + expected.length)),
    ).toEqual(expected);
  });

  it('asks for a new encoding when it cannot read the chunks', () => {
    const png = pngWith(pngChunk('eXIf', upright(gpsExif)));
    const cut = png.subarray(0, png.length - 20);
    expect(stripPngMetadata(cut)).toEqual({ kind: 'encode-anew' });
  });
});

describe('stripWebpMetadata', () => {
  it('removes EXIF and XMP, and tells its header so', async () => {
    const original = fixtureBytes('accept/webp-extended.webp');
    const webp = webpWith(
      webpChunk('EXIF', upright(gpsExif)),
      webpChunk('XMP ', Buffer.from(xmpPacket, 'latin1')),
    );
    expect(has(webp, 'Jane Doe')).toBe(true);

    const result = stripWebpMetadata(webp);

    if (result.kind !== 'stripped') throw new Error(result.kind);
    expect(has(result.bytes, 'Jane Doe')).toBe(false);
    expect(has(result.bytes, 'EXIF')).toBe(false);
    const expected = Buffer.from(original);
    expected[20] = (expected[20] ?? 0) & ~0x0c;
    expect(Buffer.from(result.bytes).equals(expected)).toBe(true);
  });

  it('leaves a simple WebP untouched', () => {
    const webp = new Uint8Array(fixtureBytes('accept/webp-lossy.webp'));
    expect(stripWebpMetadata(webp)).toEqual({ kind: 'untouched' });
  });

  it('asks for a new encoding when the EXIF turns the picture', () => {
    const webp = webpWith(webpChunk('EXIF', gpsExif));
    expect(stripWebpMetadata(webp)).toEqual({ kind: 'encode-anew' });
  });

  // Found by a second tester: an animated WebP turned by its EXIF kept
  // its GPS, since it could not be encoded anew.
  it('strips a turned picture when told it cannot be encoded anew', () => {
    const webp = webpWith(webpChunk('EXIF', gpsExif));

    const result = stripWebpMetadata(webp, { evenIfTurned: true });

    if (result.kind !== 'stripped') throw new Error(result.kind);
    expect(has(result.bytes, 'EXIF')).toBe(false);
  });
});

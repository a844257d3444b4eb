import exifr from 'exifr';
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import {
  fixtureBytes,
  manifest,
} from '../../../server/test/support/fixtures.ts';
import { webFixture } from '../../test-fixtures/web-fixtures.ts';
import { orientationSegment } from './exif-orientation.ts';
import { readHeaderFacts } from './header-facts.ts';
import { stripJpegMetadata } from './strip-jpeg-metadata.ts';

const jpegs = manifest.accept.filter((entry) => entry.type === 'image/jpeg');
const gpsPhoto = webFixture('photo-portrait-exif6-gps.jpg');

function bytesOf(file: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(fixtureBytes(file));
}

/** A marker segment with the given payload. */
function segment(marker: number, payload: string | Uint8Array): Uint8Array {
  const data =
    typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const bytes = new Uint8Array(4 + data.length);
  new DataView(bytes.buffer).setUint16(0, 0xff00 | marker);
  new DataView(bytes.buffer).setUint16(2, data.length + 2);
  bytes.set(data, 4);
  return bytes;
}

/** The JPEG with segments put right after its SOI, and bytes at its end. */
function withSegments(
  jpegBytes: Uint8Array,
  segments: Uint8Array[],
  trailer = new Uint8Array(),
): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    Buffer.concat([
      jpegBytes.subarray(0, 2),
      ...segments,
      jpegBytes.subarray(2),
      trailer,
    ]),
  );
}

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(text);
}

describe('stripJpegMetadata', () => {
  it('removes the location, keeping the orientation', async () => {
    const everything = {
      tiff: true,
      xmp: true,
      iptc: true,
      gps: true,
      mergeOutput: false,
      translateValues: false,
    };
    const before = await exifr.parse(gpsPhoto, everything);
    expect(before.gps).toMatchObject({ GPSLatitudeRef: 'N' });
    expect(before.iptc).toMatchObject({ City: 'Paris' });
    expect(before.ifd0).toMatchObject({ Artist: 'Jane Doe' });
    expect(Object.keys(before)).toContain('exif');

    const stripped = stripJpegMetadata(gpsPhoto);

    expect(await exifr.parse(stripped, everything)).toEqual({
      ifd0: { Orientation: 6 },
    });
    expect(await exifr.gps(stripped)).toBeUndefined();
    expect(await exifr.orientation(stripped)).toBe(6);
    for (const text of ['Paris', 'Jane Doe', 'GPS', 'Photoshop']) {
      expect(contains(stripped, text), text).toBe(false);
    }
    expect(readHeaderFacts(stripped, 'image/jpeg')).toEqual({
      width: 1200,
      height: 1800,
      orientation: 6,
    });
  });

  it.each(jpegs)(
    'leaves $file showing the same picture',
    ({ file, width, height, exifOrientation }) => {
      const original = bytesOf(file);

      const stripped = stripJpegMetadata(original);

      const before = jpeg.decode(original, { useTArray: true });
      const after = jpeg.decode(stripped, { useTArray: true });
      expect([after.width, after.height]).toEqual([
        before.width,
        before.height,
      ]);
      expect(Buffer.compare(after.data, before.data)).toBe(0);
      expect(readHeaderFacts(stripped, 'image/jpeg')).toEqual({
        width,
        height,
        orientation: exifOrientation,
      });
    },
  );

  it.each(jpegs)('gives back $file itself once stripped', ({ file }) => {
    const once = stripJpegMetadata(bytesOf(file));

    expect(stripJpegMetadata(once)).toBe(once);
  });

  it('gives back the input itself when it has no metadata', () => {
    const bare = stripJpegMetadata(bytesOf('accept/photo-landscape-exif1.jpg'));
    expect(contains(bare, 'Exif')).toBe(false);

    expect(stripJpegMetadata(bare)).toBe(bare);
  });

  it('keeps JFIF, ICC profiles and Adobe colour; drops comments', () => {
    const icc = segment(0xe2, 'ICC_PROFILE\0\x01\x01not a real profile');
    const adobe = segment(0xee, 'Adobe\0\x64\0\0\0\0\x01');
    // Found by a tester: a comment can say where the photo was taken.
    const comment = segment(0xfe, 'Taken at 12 Rue Secret, Paris');
    const xmp = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
    const photo = withSegments(gpsPhoto, [icc, xmp, adobe, comment]);

    const stripped = stripJpegMetadata(photo);

    for (const kept of [icc, adobe]) {
      expect(Buffer.from(stripped).includes(Buffer.from(kept))).toBe(true);
    }
    expect(contains(stripped, 'JFIF')).toBe(true);
    expect(contains(stripped, 'xmpmeta')).toBe(false);
    expect(contains(stripped, 'Rue Secret')).toBe(false);
  });

  it('cuts a motion photo video after the EOI when it removes XMP', () => {
    const video = new TextEncoder().encode('\0\0\0\x18ftypmp42 GPS Paris');
    const photo = withSegments(gpsPhoto, [], video);

    const stripped = stripJpegMetadata(photo);

    expect(contains(stripped, 'mp42')).toBe(false);
    expect(stripped.at(-2)).toBe(0xff);
    expect(stripped.at(-1)).toBe(0xd9);
  });

  it('cuts the pictures a Multi-Picture index points at, and the index', () => {
    const bare = stripJpegMetadata(bytesOf('accept/jpeg-baseline.jpg'));
    const mpf = segment(0xe2, 'MPF\0MM\0*\0\0\0\x08');
    const second = new Uint8Array(Buffer.concat([gpsPhoto]));
    const photo = withSegments(bare, [mpf], second);

    const stripped = stripJpegMetadata(photo);

    expect(Buffer.from(stripped).equals(Buffer.from(bare))).toBe(true);
  });

  // Found by a tester: a second JPEG appended after the first, with its
  // own location, survived when the first had no XMP.
  it('cuts whatever follows the EOI, XMP or not', () => {
    const bare = stripJpegMetadata(bytesOf('accept/jpeg-baseline.jpg'));
    const exif = segment(0xe1, 'Exif\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0');
    const photo = withSegments(bare, [exif], gpsPhoto);

    const stripped = stripJpegMetadata(photo);

    expect(Buffer.from(stripped).equals(Buffer.from(bare))).toBe(true);
  });

  it('cuts a trailer even when the header holds nothing to remove', () => {
    const bare = stripJpegMetadata(bytesOf('accept/jpeg-baseline.jpg'));
    const photo = withSegments(bare, [], gpsPhoto);

    expect(
      Buffer.from(stripJpegMetadata(photo)).equals(Buffer.from(bare)),
    ).toBe(true);
  });

  // Found by a tester: two stray bytes after APP0 made the whole file
  // unreadable here, and it went out with its location.
  it('reads past stray bytes between segments, as decoders do', () => {
    const layoutEnd = 4 + ((gpsPhoto[4] ?? 0) << 8) + (gpsPhoto[5] ?? 0);
    const stray = new Uint8Array([
      ...gpsPhoto.subarray(0, layoutEnd),
      0,
      0,
      ...gpsPhoto.subarray(layoutEnd),
    ]);

    const stripped = stripJpegMetadata(stray);

    expect(contains(stripped, 'GPS')).toBe(false);
    expect(contains(stripped, 'Jane Doe')).toBe(false);
    expect(readHeaderFacts(stripped, 'image/jpeg')).toMatchObject({
      orientation: 6,
    });
  });

  it('gives back anything that is not a JPEG, untouched', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (raw) => {
        const bytes = new Uint8Array(raw);
        expect(stripJpegMetadata(bytes)).toBe(bytes);
      }),
    );
  });

  it('never throws on a JPEG cut short or with bytes changed', () => {
    fc.assert(
      fc.property(
        fc.nat(gpsPhoto.length),
        fc.array(fc.tuple(fc.nat(4000), fc.nat(255)), { maxLength: 8 }),
        (length, changes) => {
          const bytes = gpsPhoto.slice(0, length);
          for (const [at, value] of changes) {
            if (at < bytes.length) bytes[at] = value;
          }
          const stripped = stripJpegMetadata(bytes);
          expect(stripped.length).toBeLessThanOrEqual(bytes.length + 34);
        },
      ),
    );
  });

  // Found by a second tester: metadata in segments the stripper did not
  // know by name, or between scans, went out as it was.
  describe('keeps only what draws the picture', () => {
    const gpsExif = (() => {
      const at = Buffer.from(gpsPhoto).indexOf('Exif\0\0');
      const length = ((gpsPhoto[at - 2] ?? 0) << 8) + (gpsPhoto[at - 1] ?? 0);
      return gpsPhoto.subarray(at + 6, at - 2 + length);
    })();
    const located = (header: string) =>
      segment(0xe1, new Uint8Array([...Buffer.from(header), ...gpsExif]));

    it.each([
      ['XMP without its namespace', segment(0xe1, '<?xpacket GPS Jane Doe')],
      ['XMP under another name', segment(0xe1, 'XMP\0://ns GPS Jane Doe')],
      ['EXIF with an odd header', located('Exif\0\xff')],
      ['a GoPro GPS track', segment(0xe6, 'GoPro\0GPS5 Jane Doe')],
      ['a JFXX thumbnail', segment(0xe0, 'JFXX\0\x10 Jane Doe')],
      ['a FlashPix block', segment(0xe2, 'FPXR\0 Jane Doe')],
      // Found by a third tester: segments kept by their marker alone.
      ['a line count holding text', segment(0xdc, '\0\x10 Jane Doe GPS')],
      [
        'JFIF with more after it',
        segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0 Jane Doe'),
      ],
      [
        'Adobe with more after it',
        segment(0xee, 'Adobe\0\x64\0\0\0\0\x01 Jane Doe'),
      ],
    ])('drops %s', (_, extra) => {
      const bare = stripJpegMetadata(bytesOf('accept/jpeg-baseline.jpg'));
      const photo = withSegments(bare, [extra]);

      const stripped = stripJpegMetadata(photo);

      expect(Buffer.from(stripped).equals(Buffer.from(bare))).toBe(true);
    });

    it('drops segments between the scans of a progressive JPEG', () => {
      const original = bytesOf('accept/jpeg-progressive.jpg');
      const bare = stripJpegMetadata(original);
      const scans = Buffer.from(bare);
      const first = scans.indexOf(Buffer.from([0xff, 0xda]));
      const second = scans.indexOf(Buffer.from([0xff, 0xda]), first + 2);
      const end = scans.length - 2;
      const exif = located('Exif\0\0');
      const note = segment(0xfe, 'Taken at 12 Rue Secret');
      const photo = new Uint8Array(
        Buffer.concat([
          scans.subarray(0, second),
          exif,
          scans.subarray(second, end),
          note,
          scans.subarray(end),
        ]),
      );

      const stripped = stripJpegMetadata(photo);

      expect(Buffer.from(stripped).equals(scans)).toBe(true);
      const before = jpeg.decode(original, { useTArray: true });
      const after = jpeg.decode(stripped, { useTArray: true });
      expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(
        true,
      );
    });

    it('keeps a JPEG cut short cut short, for the server to name', () => {
      const bare = stripJpegMetadata(bytesOf('accept/jpeg-baseline.jpg'));
      const cut = withSegments(bare.subarray(0, bare.length - 100), [
        segment(0xfe, 'Jane Doe'),
      ]);

      const stripped = stripJpegMetadata(cut);

      expect(contains(stripped, 'Jane Doe')).toBe(false);
      expect(
        Buffer.from(stripped).equals(Buffer.from(bare.subarray(0, -100))),
      ).toBe(true);
    });
  });

  // Found by a third tester: the page read orientations differently from
  // Chromium, so photos turned on their way to the store.
  describe('reads the orientation as Chromium does', () => {
    const bare = () => stripJpegMetadata(bytesOf('accept/jpeg-baseline.jpg'));

    it('past a fill byte after "Exif\\0"', () => {
      const odd = orientationSegment(6);
      odd[9] = 0xff;
      const stripped = stripJpegMetadata(withSegments(bare(), [odd]));

      expect(readHeaderFacts(stripped, 'image/jpeg')?.orientation).toBe(6);
      expect(contains(stripped, 'Exif\0\0')).toBe(true);
    });

    it('not from an entry with more than one value', () => {
      const odd = orientationSegment(6);
      new DataView(odd.buffer).setUint32(24, 2);
      const stripped = stripJpegMetadata(withSegments(bare(), [odd]));

      expect(readHeaderFacts(stripped, 'image/jpeg')?.orientation).toBe(1);
      expect(contains(stripped, 'Exif')).toBe(false);
    });
  });
});

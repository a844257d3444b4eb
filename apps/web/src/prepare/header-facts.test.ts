import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixtureBytes,
  manifest,
} from '../../../server/test/support/fixtures.ts';
import {
  gpsExif,
  pngChunk,
  pngWith,
  pngWithFirst,
} from '../../test-fixtures/metadata-files.ts';
import { webFixture } from '../../test-fixtures/web-fixtures.ts';
import { readHeaderFacts } from './header-facts.ts';
import { type SniffedType, sniffType } from './sniff-type.ts';

describe('readHeaderFacts', () => {
  it.each(manifest.accept)(
    'reads $file as $width×$height, orientation $exifOrientation',
    ({ file, type, width, height, exifOrientation }) => {
      const facts = readHeaderFacts(fixtureBytes(file), type as SniffedType);

      expect(facts).toEqual({ width, height, orientation: exifOrientation });
    },
  );

  it.each([
    ['photo-landscape.heic', 1800, 1200],
    // Stored 1800×1200 with an irot box turning it a quarter.
    ['photo-portrait-irot.heic', 1200, 1800],
    // The header is whole; only the picture is missing.
    ['photo-landscape-cut.heic', 1800, 1200],
    ['photo-portrait-exif6-gps.jpg', 1200, 1800],
  ])('reads %s as %i×%i', (file, width, height) => {
    const bytes = webFixture(file);
    const type = sniffType(bytes);
    expect(type).toBeDefined();

    expect(readHeaderFacts(bytes, type as SniffedType)).toMatchObject({
      width,
      height,
    });
  });

  // Found by a tester: a large PNG turned by its eXIf was downscaled to
  // its stored shape, so the turned picture came out stretched.
  it('turns a PNG by an eXIf before its picture data, as Chromium does', () => {
    // The GPS fixture's EXIF says orientation 6; the PNG is 123×456.
    const exif = pngChunk('eXIf', gpsExif);

    expect(readHeaderFacts(pngWithFirst(exif), 'image/png')).toEqual({
      width: 456,
      height: 123,
      orientation: 6,
    });
    expect(readHeaderFacts(pngWith(exif), 'image/png')).toEqual({
      width: 123,
      height: 456,
      orientation: 1,
    });
  });

  it('gives nothing for a PNG cut short before its size', () => {
    const bytes = fixtureBytes('reject/png-truncated.png');

    expect(readHeaderFacts(bytes, 'image/png')).toBeUndefined();
  });

  it('never throws on any bytes, of any type', () => {
    const types: SniffedType[] = [
      'image/jpeg',
      'image/png',
      'image/gif',
      'image/webp',
      'image/avif',
      'image/heic',
    ];
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom(...types),
        (bytes, type) => {
          const facts = readHeaderFacts(bytes, type);
          return facts === undefined || (facts.width > 0 && facts.height > 0);
        },
      ),
    );
  });

  it('never throws on any cut of a real file', () => {
    const files = manifest.accept.map((entry) => ({
      bytes: fixtureBytes(entry.file),
      type: entry.type as SniffedType,
    }));
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.nat(4000),
        ({ bytes, type }, length) => {
          readHeaderFacts(bytes.subarray(0, length), type);
        },
      ),
    );
  });
});

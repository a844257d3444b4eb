import { describe, expect, it } from 'vitest';
import {
  fixtureBytes,
  manifest,
} from '../../../server/test/support/fixtures.ts';
import { webFixture } from '../../test-fixtures/web-fixtures.ts';
import { sniffType } from './sniff-type.ts';

/** An ISO BMFF file start: an ftyp box with its brands, then nothing. */
function ftyp(major: string, compatible: string[]): Uint8Array {
  const text = `${major}\0\0\0\0${compatible.join('')}`;
  const bytes = new Uint8Array(8 + text.length);
  new DataView(bytes.buffer).setUint32(0, bytes.length);
  bytes.set(
    [...'ftyp'].map((c) => c.charCodeAt(0)),
    4,
  );
  bytes.set(
    [...text].map((c) => c.charCodeAt(0)),
    8,
  );
  return bytes;
}

describe('sniffType', () => {
  it.each(manifest.accept)('reads $file as $type', ({ file, type }) => {
    expect(sniffType(fixtureBytes(file))).toBe(type);
  });

  it.each([
    ['reject/bmp-sample.bmp', undefined],
    ['reject/json-named-webp.webp', undefined],
    ['reject/pdf-document.pdf', undefined],
    // A PNG signature is a PNG: the server finds it cut short.
    ['reject/png-truncated.png', 'image/png'],
    ['reject/svg-image.svg', undefined],
    ['reject/tiff-sample.tiff', undefined],
    ['reject/zip-archive.zip', undefined],
  ])('reads %s as %s', (file, type) => {
    expect(manifest.reject.map((entry) => entry.file)).toContain(file);
    expect(sniffType(fixtureBytes(file))).toBe(type);
  });

  it.each([
    'photo-landscape.heic',
    'photo-portrait-irot.heic',
    'photo-landscape-cut.heic',
  ])('reads %s as HEIC', (file) => {
    expect(sniffType(webFixture(file))).toBe('image/heic');
  });

  it.each([
    ['heic', [], 'image/heic'],
    ['heix', [], 'image/heic'],
    ['hevc', [], 'image/heic'],
    ['hevx', [], 'image/heic'],
    ['heim', [], 'image/heic'],
    ['heis', [], 'image/heic'],
    ['hevm', [], 'image/heic'],
    ['hevs', [], 'image/heic'],
    ['mif1', ['mif1', 'heic'], 'image/heic'],
    ['msf1', ['msf1', 'hevc'], 'image/heic'],
    ['mif1', ['mif1', 'avif'], 'image/avif'],
    ['mif1', ['mif1', 'heic', 'avif'], 'image/avif'],
    // Found by a tester: libheif reads a HEIF with generic brands only.
    ['mif1', ['mif1', 'miaf'], 'image/heic'],
    ['miaf', ['miaf'], 'image/heic'],
    ['avif', ['mif1'], 'image/avif'],
    ['avis', [], 'image/avif'],
    ['isom', ['isom', 'mp42'], undefined],
    ['qt  ', [], undefined],
  ] as const)('reads brand %s with %j as %s', (major, compatible, type) => {
    expect(sniffType(ftyp(major, [...compatible]))).toBe(type);
  });

  it('reads short and empty input as nothing', () => {
    expect(sniffType(new Uint8Array())).toBeUndefined();
    expect(sniffType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
    expect(sniffType(new TextEncoder().encode('RIFF'))).toBeUndefined();
  });
});

import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../server/test/support/fixtures.ts';
import { webFixture } from '../../test-fixtures/web-fixtures.ts';
import { preparePhoto } from './prepare-photo.ts';

// The paths that need no decoding, so no worker: in Node as in a browser.
// Converting and resizing are tested in Chromium (apps/web/e2e).

const settings = { maxEdge: 2560, stripLocation: true };

function fileOf(bytes: Uint8Array, name: string, type = ''): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

async function bytesOf(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

describe('preparePhoto', () => {
  it('removes the location from a JPEG of any declared type', async () => {
    const chosen = fileOf(webFixture('photo-portrait-exif6-gps.jpg'), 'a.jpg');

    const prepared = await preparePhoto(chosen, settings);

    if (prepared.kind !== 'ready') throw new Error(prepared.message);
    const sent = await bytesOf(prepared.file);
    expect(prepared.changes).toEqual(['metadata-removed']);
    expect(prepared.file).toMatchObject({ name: 'a.jpg', type: 'image/jpeg' });
    expect(prepared.file.size).toBe(sent.length);
    expect(sent.length).toBeLessThan(chosen.size);
    expect(prepared.sha256).toBe(sha256(sent));
    expect(await exifr.gps(sent)).toBeUndefined();
    expect(await exifr.orientation(sent)).toBe(6);
  });

  it('sends a JPEG byte for byte when told to keep its metadata', async () => {
    const bytes = webFixture('photo-portrait-exif6-gps.jpg');
    const chosen = fileOf(bytes, 'a.jpg', 'image/jpeg');

    const prepared = await preparePhoto(chosen, {
      ...settings,
      stripLocation: false,
    });

    expect(prepared).toEqual({
      kind: 'ready',
      file: chosen,
      sha256: sha256(bytes),
      changes: [],
    });
  });

  it.each([
    ['accept/gif-sample.gif', 'image/gif'],
    ['accept/avif-sample.avif', 'image/avif'],
    ['accept/png-sample.png', 'image/png'],
    ['accept/webp-lossy.webp', 'image/webp'],
    ['accept/jpeg-baseline.jpg', 'image/jpeg'],
  ])('sends %s as it is, typed from its bytes', async (path, type) => {
    const bytes = fixtureBytes(path);
    const chosen = fileOf(bytes, 'photo', 'application/octet-stream');

    const prepared = await preparePhoto(chosen, settings);

    if (prepared.kind !== 'ready') throw new Error(prepared.message);
    expect(prepared.changes).toEqual([]);
    expect(prepared.file).toMatchObject({ name: 'photo', type });
    expect(Buffer.from(await bytesOf(prepared.file)).equals(bytes)).toBe(true);
    expect(prepared.sha256).toBe(sha256(bytes));
  });

  it('leaves a file of another type for the usual checks', async () => {
    const bytes = fixtureBytes('reject/pdf-document.pdf');
    const chosen = fileOf(bytes, 'menu.pdf', 'application/pdf');

    const prepared = await preparePhoto(chosen, settings);

    expect(prepared).toEqual({
      kind: 'ready',
      file: chosen,
      sha256: sha256(bytes),
      changes: [],
    });
  });

  // Found by testers: a text file named .webp was signed and sent before
  // the server refused it; a BMP was said to hold no image at all.
  it.each([
    ['reject/json-named-webp.webp', 'data.webp', 'image/webp', 'a WebP'],
    ['reject/bmp-sample.bmp', 'scan.jpg', 'image/jpeg', 'a JPEG'],
    ['reject/zip-archive.zip', 'photo.avif', 'image/avif', 'an AVIF'],
  ])('refuses %s named %s, before it is signed', async (...test) => {
    const [fixture, name, type, format] = test;

    const prepared = await preparePhoto(
      fileOf(fixtureBytes(fixture), name, type),
      settings,
    );

    expect(prepared).toEqual({
      kind: 'refused',
      message:
        `This file is named as ${format} image but holds no JPEG, PNG, ` +
        'WebP, AVIF, GIF or HEIC image; choose a photo in one of those ' +
        'formats.',
    });
  });

  // Found by a tester: the server refused the whole ask for such a name.
  it('cleans a name of what the server refuses in one', async () => {
    const bytes = fixtureBytes('accept/jpeg-baseline.jpg');

    const prepared = await preparePhoto(
      fileOf(bytes, 'two\nlines\u202E.jpg', 'image/jpeg'),
      settings,
    );

    expect(prepared).toMatchObject({
      kind: 'ready',
      file: { name: 'two lines.jpg', type: 'image/jpeg' },
      sha256: sha256(bytes),
    });
  });

  // Found by a tester: a JPEG called .heic kept its name.
  it('names a photo for the type it holds', async () => {
    const bytes = fixtureBytes('accept/jpeg-baseline.jpg');

    const prepared = await preparePhoto(
      fileOf(bytes, 'holiday.heic', 'image/heic'),
      settings,
    );

    expect(prepared).toMatchObject({
      kind: 'ready',
      file: { name: 'holiday.jpg', type: 'image/jpeg' },
    });
  });

  // Found by a tester: it was told "image/heic is not allowed".
  it('tells how to export a JPEG for a HEIC it cannot read', async () => {
    const prepared = await preparePhoto(
      fileOf(new Uint8Array([1, 2, 3, 4]), 'IMG_0042.HEIC'),
      settings,
    );

    expect(prepared).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/Most Compatible, or export the photo/),
    });
  });
});

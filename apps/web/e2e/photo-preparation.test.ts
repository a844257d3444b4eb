import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PhotoSettings } from '@vitrine/api';
import exifr from 'exifr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  gpsExif,
  pngChunk,
  pngWith,
  pngWithFirst,
  upright,
  webpChunk,
  webpWith,
  xmpPacket,
} from '../test-fixtures/metadata-files.ts';
import { webFixture } from '../test-fixtures/web-fixtures.ts';
import { type Browser, openBrowser } from './browser.ts';
import { signInBrowser } from './sign-in.ts';
import { type E2eApp, startE2eApp } from './start-app.ts';
import { fixture } from './support/photos.ts';
import { openWatchedPage } from './support/watched-page.ts';

// Photos as phones make them go through the whole app: prepared in the
// browser (HEIC converted, oversize downscaled, location removed), signed
// with their digest, stored, and shown with their placeholder.
let e2e: E2eApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The x-amz-checksum-sha256 header of every PUT, by object key. */
const sentDigests = new Map<string, string>();

beforeAll(async () => {
  [e2e, browser] = await Promise.all([startE2eApp(), openBrowser()]);
  await signInBrowser(browser.context, e2e);
  page = await openWatchedPage(browser.context, pageErrors);
  page.on('request', (request) => {
    if (request.method() !== 'PUT') return;
    const key = new URL(request.url()).pathname.split('/').slice(2).join('/');
    sentDigests.set(key, request.headers()['x-amz-checksum-sha256'] ?? '');
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
  expect(pageErrors).toEqual([]);
});
beforeEach(() => setPhotoSettings({ maxImageEdge: 2560 }));

/** What the server tells the page to do to photos, as its config would. */
function setPhotoSettings(change: Partial<PhotoSettings>) {
  e2e.app.context.photos = {
    maxImageEdge: 2560,
    removeMetadata: true,
    ...change,
  };
}

interface ChosenFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

function chosen(path: string, name: string, mimeType: string): ChosenFile {
  return { name, mimeType, buffer: readFileSync(path) };
}

const webFile = (file: string, mimeType: string): ChosenFile => ({
  name: file,
  mimeType,
  buffer: Buffer.from(webFixture(file)),
});

/** A new product's page, with the server's photo settings loaded. */
async function newProduct(name: string): Promise<number> {
  const product = await e2e.app.db
    .insertInto('product')
    .values({
      name,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await page.goto(`${e2e.url}/products/${product.id}`);
  await page.getByLabel('Choose photos').waitFor();

  return product.id;
}

async function choose(files: ChosenFile[], states: string[]) {
  await page.getByLabel('Choose photos').setInputFiles(files);
  await expect
    .poll(
      () =>
        page
          .getByTestId('upload-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state'))),
      { timeout: 30_000 },
    )
    .toEqual(states);
}

const rowNotes = () => page.locator('.upload-note').allTextContents();

async function imagesOf(productId: number) {
  return e2e.app.db
    .selectFrom('image')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
}

async function objectBytes(key: string): Promise<Buffer> {
  const url = `${e2e.store.endpoint}/shop/${key}`;
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

const sha256 = (bytes: Uint8Array) =>
  createHash('sha256').update(bytes).digest('base64');

async function keysOf(productId: number): Promise<string[]> {
  const keys = await e2e.store.listKeys();
  return keys.filter((key) => key.startsWith(`products/${productId}/`));
}

it('converts HEIC photos, typed or not, to JPEGs shown upright', async () => {
  const productId = await newProduct('Phone photos');
  // Found by a tester: the system picker greyed out HEIC files.
  const accept = await page.getByLabel('Choose photos').getAttribute('accept');
  expect(accept?.split(',')).toEqual(
    expect.arrayContaining(['.heic', '.heif', 'image/heic', 'image/jpeg']),
  );

  await choose(
    [
      webFile('photo-landscape.heic', ''),
      webFile('photo-portrait-irot.heic', 'application/octet-stream'),
    ],
    ['done', 'done'],
  );

  expect(await rowNotes()).toEqual([
    'Added. Converted from HEIC to JPEG.',
    'Added. Converted from HEIC to JPEG.',
  ]);
  const images = await imagesOf(productId);
  expect(
    images.map(({ original_name, content_type, width, height }) => ({
      original_name,
      content_type,
      width,
      height,
    })),
  ).toEqual([
    {
      original_name: 'photo-landscape.jpg',
      content_type: 'image/jpeg',
      width: 1800,
      height: 1200,
    },
    {
      original_name: 'photo-portrait-irot.jpg',
      content_type: 'image/jpeg',
      width: 1200,
      height: 1800,
    },
  ]);
  for (const image of images) {
    const bytes = await objectBytes(image.object_key);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(bytes.length).toBe(image.byte_size);
    // The store checked the bytes against the digest the browser sent.
    expect(sentDigests.get(image.object_key)).toBe(sha256(bytes));
  }
});

it('refuses a HEIC it cannot convert before anything is signed', async () => {
  const productId = await newProduct('Broken HEIC');

  await choose([webFile('photo-landscape-cut.heic', '')], ['refused']);

  const [note] = await rowNotes();
  expect(note).toMatch(/could not be converted/);
  expect(note).toMatch(/Most Compatible|export the photo as JPEG/);
  const uploads = await e2e.app.db
    .selectFrom('upload')
    .select('id')
    .where('product_id', '=', productId)
    .execute();
  expect(uploads).toEqual([]);
  expect(await keysOf(productId)).toEqual([]);
});

it('downscales photos past the longest edge set, and signs what it sends', async () => {
  setPhotoSettings({ maxImageEdge: 1000 });
  const productId = await newProduct('Large photos');
  const large = fixture('accept/jpeg-large.jpg');
  const original = readFileSync(large);

  await choose(
    [
      chosen(large, 'jpeg-large.jpg', 'image/jpeg'),
      chosen(
        fixture('accept/photo-portrait-exif6.jpg'),
        'portrait.jpg',
        'image/jpeg',
      ),
    ],
    ['done', 'done'],
  );

  expect(await rowNotes()).toEqual([
    'Added. Made smaller.',
    'Added. Made smaller.',
  ]);
  const [landscape, portrait] = await imagesOf(productId);
  expect([landscape?.width, landscape?.height]).toEqual([1000, 750]);
  expect([portrait?.width, portrait?.height]).toEqual([667, 1000]);
  const bytes = await objectBytes(landscape?.object_key ?? '');
  expect(bytes.length).toBe(landscape?.byte_size);
  expect(bytes.length).toBeLessThan(original.length);
  // Turned upright in the pixels: no orientation left to apply.
  const portraitBytes = await objectBytes(portrait?.object_key ?? '');
  expect(await exifr.orientation(portraitBytes)).toBeUndefined();
});

it('removes the location from a JPEG, keeps its orientation', async () => {
  const productId = await newProduct('Location');
  const file = webFile('photo-portrait-exif6-gps.jpg', 'image/jpeg');
  expect(await exifr.gps(file.buffer)).toMatchObject({ latitude: 48.8584 });

  await choose([file], ['done']);

  expect(await rowNotes()).toEqual([
    'Added. Location and camera details removed.',
  ]);
  const [image] = await imagesOf(productId);
  const stored = await objectBytes(image?.object_key ?? '');
  expect(await exifr.gps(stored)).toBeUndefined();
  const tags = await exifr.parse(stored, true);
  expect(tags ?? {}).not.toHaveProperty('GPSLatitude');
  expect(tags ?? {}).not.toHaveProperty('Artist');
  expect(await exifr.orientation(stored)).toBe(6);
  expect([image?.width, image?.height]).toEqual([1200, 1800]);
});

it('keeps the location when the setting is off', async () => {
  setPhotoSettings({ removeMetadata: false });
  const productId = await newProduct('Location kept');
  const file = webFile('photo-portrait-exif6-gps.jpg', 'image/jpeg');

  await choose([file], ['done']);

  const [image] = await imagesOf(productId);
  const stored = await objectBytes(image?.object_key ?? '');
  expect(stored.equals(file.buffer)).toBe(true);
});

it('sends small photos without metadata untouched, byte for byte', async () => {
  const productId = await newProduct('Untouched');
  const files = [
    chosen(fixture('accept/jpeg-baseline.jpg'), 'a.jpg', 'image/jpeg'),
    chosen(fixture('accept/png-sample.png'), 'b.png', 'image/png'),
    chosen(fixture('accept/webp-lossy.webp'), 'c.webp', 'image/webp'),
  ];

  await choose(files, ['done', 'done', 'done']);

  const images = await imagesOf(productId);
  for (const [index, image] of images.entries()) {
    const stored = await objectBytes(image.object_key);
    expect(stored.equals(files[index]?.buffer ?? Buffer.alloc(0))).toBe(true);
  }
});

it('shows each photo’s placeholder until the photo has loaded', async () => {
  const productId = await newProduct('Placeholders');
  await choose(
    [chosen(fixture('accept/jpeg-large.jpg'), 'large.jpg', 'image/jpeg')],
    ['done'],
  );
  const [image] = await imagesOf(productId);
  expect(image?.placeholder).toMatch(/^[A-Za-z0-9+/]{20,36}={0,2}$/);

  // Hold the photo's bytes back, as a slow network would.
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => {
    release = done;
  });
  await page.route(`**/${image?.object_key}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  const tile = page.getByTestId('gallery-tile').locator('img');
  await expect.poll(() => tile.getAttribute('data-placeholder')).toBe('shown');
  expect(
    await tile.evaluate((img) => getComputedStyle(img).backgroundImage),
  ).toMatch(/^url\("data:image\/png;base64,/);

  // Found by a second tester: the lightbox shrank to nothing instead.
  await page.getByRole('button', { name: /larger$/ }).click();
  const large = page.getByRole('dialog').locator('img');
  await expect.poll(() => large.getAttribute('data-placeholder')).toBe('shown');
  const box = await large.boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(1600 / 1200, 1);
  await page.keyboard.press('Escape');

  release();
  await expect.poll(() => tile.getAttribute('data-placeholder')).toBeNull();
  await page.unroute(`**/${image?.object_key}`);
});

/** The frame header's sample precision set to 12 bits: browsers give up. */
function twelveBit(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (let at = 2; at + 4 < copy.length; ) {
    const marker = copy[at + 1] ?? 0;
    if (marker === 0xc0 || marker === 0xc2) {
      copy[at + 4] = 12;
      return copy;
    }
    at += 2 + copy.readUInt16BE(at + 2);
  }
  throw new Error('no frame header');
}

// Found by a tester: it was stored, said "Added." and showed broken.
it('lets go of a photo the browser cannot show; nothing stays', async () => {
  const productId = await newProduct('Twelve bits');
  const bytes = twelveBit(readFileSync(fixture('accept/jpeg-baseline.jpg')));

  await choose(
    [{ name: 'twelve.jpg', mimeType: 'image/jpeg', buffer: bytes }],
    ['failed'],
  );

  expect((await rowNotes())[0]).toMatch(/^This browser cannot show this photo/);
  expect(await imagesOf(productId)).toEqual([]);
  await expect
    .poll(async () =>
      e2e.app.db
        .selectFrom('upload')
        .select('id')
        .where('product_id', '=', productId)
        .execute(),
    )
    .toEqual([]);
});

// Found by a tester: stray bytes between segments, or a second JPEG
// appended, kept a location in the stored photo.
it('removes a location behind stray bytes or after the end', async () => {
  const productId = await newProduct('Hidden location');
  const gps = Buffer.from(webFixture('photo-portrait-exif6-gps.jpg'));
  const app0End = 4 + gps.readUInt16BE(4);
  const stray = Buffer.concat([
    gps.subarray(0, app0End),
    Buffer.from([0, 0]),
    gps.subarray(app0End),
  ]);
  const plain = readFileSync(fixture('accept/jpeg-baseline.jpg'));
  const appended = Buffer.concat([plain, gps]);

  await choose(
    [
      { name: 'stray.jpg', mimeType: 'image/jpeg', buffer: stray },
      { name: 'appended.jpg', mimeType: 'image/jpeg', buffer: appended },
    ],
    ['done', 'done'],
  );

  for (const image of await imagesOf(productId)) {
    const stored = await objectBytes(image.object_key);
    expect(stored.includes(Buffer.from('Jane Doe'))).toBe(false);
    expect(await exifr.gps(stored)).toBeUndefined();
  }
  const [first, second] = await imagesOf(productId);
  expect([first?.width, first?.height]).toEqual([1200, 1800]);
  expect((await objectBytes(second?.object_key ?? '')).equals(plain)).toBe(
    true,
  );
});

// Found by a tester: PNG and WebP photos kept their location.
it('removes the location from PNG and WebP photos too', async () => {
  const productId = await newProduct('PNG and WebP');
  const xmp = Buffer.from(xmpPacket, 'latin1');
  const png = pngWith(
    pngChunk('eXIf', upright(gpsExif)),
    pngChunk('iTXt', xmp),
  );
  const webp = webpWith(
    webpChunk('EXIF', upright(gpsExif)),
    webpChunk('XMP ', xmp),
  );

  await choose(
    [
      { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from(png) },
      { name: 'b.webp', mimeType: 'image/webp', buffer: Buffer.from(webp) },
    ],
    ['done', 'done'],
  );

  expect(await rowNotes()).toEqual([
    'Added. Location and camera details removed.',
    'Added. Location and camera details removed.',
  ]);
  for (const image of await imagesOf(productId)) {
    const stored = await objectBytes(image.object_key);
    expect(stored.includes(Buffer.from('Jane Doe'))).toBe(false);
    expect(stored.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect([image.width, image.height]).toEqual([123, 456]);
  }
});

// Found by a tester: the PNG came out in its stored shape, stretched.
it('downscales a PNG turned by its eXIf to the shape it is shown in', async () => {
  setPhotoSettings({ maxImageEdge: 100 });
  const productId = await newProduct('Turned PNG');
  // 123×456 as stored, orientation 6: shown 456×123.
  const png = pngWithFirst(pngChunk('eXIf', gpsExif));

  await choose(
    [{ name: 'turned.png', mimeType: 'image/png', buffer: Buffer.from(png) }],
    ['done'],
  );

  expect(await rowNotes()).toEqual(['Added. Made smaller.']);
  const [image] = await imagesOf(productId);
  expect([image?.width, image?.height]).toEqual([100, 27]);
  const stored = await objectBytes(image?.object_key ?? '');
  expect(stored.includes(Buffer.from('Jane Doe'))).toBe(false);
});

// Found by a tester: one such name made the server refuse the whole ask,
// the well-named photo with it.
it('sends names with tabs, line breaks or reversing marks cleaned', async () => {
  const productId = await newProduct('Odd names');
  const bytes = readFileSync(fixture('accept/jpeg-baseline.jpg'));
  const named = (name: string) => ({
    name,
    mimeType: 'image/jpeg',
    buffer: bytes,
  });

  await choose(
    [
      named('tab\there.jpg'),
      named('two\nlines.jpg'),
      named('photo\u202Egpj.exe.jpg'),
      named('plain.jpg'),
    ],
    ['done', 'done', 'done', 'done'],
  );

  const images = await imagesOf(productId);
  expect(images.map((image) => image.original_name)).toEqual([
    'tab here.jpg',
    'two lines.jpg',
    'photogpj.exe.jpg',
    'plain.jpg',
  ]);
});

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import type { Page } from 'playwright-core';
import { thumbHashToRGBA } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../server/test/support/fixtures.ts';
import type { PrepareSettings } from '../src/prepare/prepare-photo.ts';
import { webFixture } from '../test-fixtures/web-fixtures.ts';
import { type Browser, openBrowser } from './browser.ts';
import type { PreparedSummary } from './prepare-page/main.ts';
import {
  type PreparePageServer,
  servePreparePage,
} from './support/serve-prepare-page.ts';

// preparePhoto and makePlaceholder in headless Chromium: the worker,
// HEIC conversion, downscaling and ThumbHash, behind the app's real CSP.

let server: PreparePageServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  server = await servePreparePage();
  browser = await openBrowser();
  page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url);
  await page.waitForFunction(() => 'preparePage' in window);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const defaults: PrepareSettings = { maxEdge: 2560, stripLocation: true };

function prepare(
  path: string,
  settings: Partial<PrepareSettings> = {},
  type = '',
): Promise<PreparedSummary> {
  return page.evaluate(
    ([path, type, settings]) =>
      window.preparePage.prepare(path, type, settings),
    [path, type, { ...defaults, ...settings }] as const,
  );
}

function ready(summary: PreparedSummary) {
  if (summary.kind !== 'ready') throw new Error(summary.message);
  const bytes = Buffer.from(summary.base64, 'base64');
  expect(bytes.length).toBe(summary.size);
  expect(summary.sha256).toBe(
    createHash('sha256').update(bytes).digest('base64'),
  );
  return { ...summary, bytes };
}

/** How far apart two 12×12 grey pictures are, 0 to 255 on average. */
async function distance(grey: number[], originalPath: string) {
  const original = await page.evaluate(
    (path) => window.preparePage.grey(path),
    originalPath,
  );
  expect(grey).toHaveLength(original.length);
  const total = grey.reduce(
    (sum, level, index) => sum + Math.abs(level - (original[index] ?? 0)),
    0,
  );
  return total / grey.length;
}

describe('preparePhoto in Chromium', () => {
  it('converts a HEIC photo to a JPEG of the same picture', async () => {
    const result = ready(await prepare('/fixtures/web/photo-landscape.heic'));

    expect(result).toMatchObject({
      name: 'photo-landscape.jpg',
      type: 'image/jpeg',
      changes: ['converted'],
      shown: { width: 1800, height: 1200 },
    });
    expect([...result.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(
      await distance(
        result.grey,
        '/fixtures/shared/accept/photo-landscape-exif1.jpg',
      ),
    ).toBeLessThan(12);
  });

  it('turns a HEIC portrait upright from its irot box', async () => {
    const result = ready(
      await prepare('/fixtures/web/photo-portrait-irot.heic', {}, 'image/heic'),
    );

    expect(result.shown).toEqual({ width: 1200, height: 1800 });
    expect(await exifr.orientation(result.bytes)).toBeUndefined();
    // The same picture as the JPEG it was made from, shown upright.
    const path = '/fixtures/shared/accept/photo-portrait-exif6.jpg';
    expect(await distance(result.grey, path)).toBeLessThan(12);
    // A picture upside down would be far away: the check can fail.
    expect(await distance([...result.grey].reverse(), path)).toBeGreaterThan(
      20,
    );
  });

  it('converts and downscales a HEIC photo larger than maxEdge', async () => {
    const result = ready(
      await prepare('/fixtures/web/photo-landscape.heic', { maxEdge: 1000 }),
    );

    expect(result.changes).toEqual(['converted', 'downscaled']);
    expect(result.shown).toEqual({ width: 1000, height: 667 });
  });

  it('refuses a HEIC photo it cannot convert, saying what to do', async () => {
    const result = await prepare('/fixtures/web/photo-landscape-cut.heic');

    expect(result).toEqual({
      kind: 'refused',
      message: expect.stringContaining(
        'This HEIC photo could not be converted here. On an iPhone, set ' +
          'Settings › Camera › Formats to Most Compatible',
      ),
    });
  });

  it('downscales a 1600×1200 JPEG to 1000×750, smaller', async () => {
    const path = '/fixtures/shared/accept/jpeg-large.jpg';
    const result = ready(await prepare(path, { maxEdge: 1000 }, 'image/jpeg'));

    expect(result).toMatchObject({
      name: 'jpeg-large.jpg',
      type: 'image/jpeg',
      changes: ['downscaled'],
      shown: { width: 1000, height: 750 },
    });
    expect(result.size).toBeLessThan(
      fixtureBytes('accept/jpeg-large.jpg').length,
    );
    expect(await distance(result.grey, path)).toBeLessThan(8);
  });

  it('downscales an orientation-6 portrait to an upright portrait', async () => {
    const path = '/fixtures/shared/accept/photo-portrait-exif6.jpg';
    const result = ready(await prepare(path, { maxEdge: 1000 }));

    expect(result.changes).toEqual(['downscaled']);
    expect(result.shown).toEqual({ width: 667, height: 1000 });
    // The pixels themselves are upright now: no orientation left to apply.
    expect(await exifr.orientation(result.bytes)).toBeUndefined();
    expect(await distance(result.grey, path)).toBeLessThan(8);
  });

  it.each([
    ['png-sample.png', 'image/png', 27],
    ['webp-lossy.webp', 'image/webp', 27],
    ['webp-lossless.webp', 'image/webp', 27],
  ])('downscales %s in its own type', async (file, type, width) => {
    const path = `/fixtures/shared/accept/${file}`;
    const result = ready(await prepare(path, { maxEdge: 100 }));

    expect(result).toMatchObject({ name: file, type, changes: ['downscaled'] });
    expect(result.shown).toEqual({ width, height: 100 });
    expect(await distance(result.grey, path)).toBeLessThan(8);
  });

  it.each([
    'accept/jpeg-baseline.jpg',
    'accept/jpeg-progressive.jpg',
    'accept/png-sample.png',
    'accept/webp-lossy.webp',
    'accept/webp-extended.webp',
    'accept/gif-sample.gif',
    'accept/avif-sample.avif',
  ])('sends the small %s byte for byte', async (file) => {
    const result = ready(await prepare(`/fixtures/shared/${file}`));

    expect(result.changes).toEqual([]);
    expect(result.bytes.equals(fixtureBytes(file))).toBe(true);
  });

  it('sends a GIF or an AVIF larger than maxEdge as it is', async () => {
    for (const file of ['accept/gif-sample.gif', 'accept/avif-sample.avif']) {
      const result = ready(
        await prepare(`/fixtures/shared/${file}`, { maxEdge: 100 }),
      );
      expect(result.changes).toEqual([]);
      expect(result.bytes.equals(fixtureBytes(file))).toBe(true);
    }
  });

  it('removes the location from a JPEG and keeps it upright', async () => {
    const original = webFixture('photo-portrait-exif6-gps.jpg');
    expect(await exifr.gps(original)).toBeDefined();

    const result = ready(
      await prepare('/fixtures/web/photo-portrait-exif6-gps.jpg'),
    );

    expect(result.changes).toEqual(['metadata-removed']);
    expect(await exifr.gps(result.bytes)).toBeUndefined();
    expect(await exifr.orientation(result.bytes)).toBe(6);
    expect(result.shown).toEqual({ width: 1200, height: 1800 });
  });

  it('prepares several photos at once through the one worker', async () => {
    const results = await Promise.all([
      prepare('/fixtures/web/photo-landscape.heic', { maxEdge: 800 }),
      prepare('/fixtures/shared/accept/jpeg-large.jpg', { maxEdge: 800 }),
      prepare('/fixtures/shared/accept/photo-landscape-exif6.jpg', {
        maxEdge: 800,
      }),
    ]);

    expect(results.map((result) => ready(result).shown)).toEqual([
      { width: 800, height: 533 },
      { width: 800, height: 600 },
      { width: 800, height: 533 },
    ]);
    const workers = page.workers().map((worker) => worker.url());
    expect(workers.filter((url) => url.includes('photo-worker'))).toHaveLength(
      1,
    );
  });
});

describe('makePlaceholder in Chromium', () => {
  function placeholder(path: string, type = '') {
    return page.evaluate(
      ([path, type]) => window.preparePage.placeholder(path, type),
      [path, type] as const,
    );
  }

  it.each([
    ['/fixtures/shared/accept/jpeg-large.jpg', 1600 / 1200],
    ['/fixtures/shared/accept/photo-portrait-exif6.jpg', 1200 / 1800],
    ['/fixtures/shared/accept/png-sample.png', 123 / 456],
    ['/fixtures/shared/accept/webp-lossy.webp', 123 / 456],
  ])('gives %s a ThumbHash of its proportions', async (path, ratio) => {
    const made = await placeholder(path);

    expect(made).toEqual({ kind: 'made', hash: expect.any(String) });
    const hash = made.kind === 'made' ? made.hash : '';
    const image = thumbHashToRGBA(Buffer.from(hash, 'base64'));
    expect(image.rgba.length).toBe(image.w * image.h * 4);
    expect(image.w / image.h).toBeCloseTo(ratio, 0);
    expect(Math.abs(image.w / image.h - ratio) / ratio).toBeLessThan(0.2);
  });

  it('says so for a picture the browser cannot decode', async () => {
    expect(await placeholder('/fixtures/web/photo-landscape.heic')).toEqual({
      kind: 'undecodable',
    });
  });
});

describe('the built page', () => {
  it('keeps libheif out of the page, in a chunk of its own', () => {
    const assets = join(server.outDir, 'assets');
    const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
    const holding = (text: string) =>
      files.filter((file) =>
        readFileSync(join(assets, file), 'utf8').includes(text),
      );
    const html = readFileSync(join(server.outDir, 'index.html'), 'utf8');

    const [libheif, ...others] = holding('heif_context_alloc');
    expect(others).toEqual([]);
    expect(libheif).toBeDefined();
    expect(html).not.toContain(libheif);
    // Only the worker imports it, and only when a HEIC photo comes.
    for (const file of holding(libheif ?? '-')) {
      expect(file).toMatch(/photo-worker/);
    }
  });

  // The HEIC tests above also show the CSP lets the worker compile
  // libheif: without 'wasm-unsafe-eval' they fail.
  it('ran with no error on the page', () => {
    expect(problems).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, openBrowser } from './browser.ts';
import { signInBrowser } from './sign-in.ts';
import { type E2eApp, startE2eApp } from './start-app.ts';
import { expectAccessible } from './support/accessibility.ts';
import { dropFiles, fixture } from './support/photos.ts';
import { poll } from './support/poll.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { throttleUploads } from './support/throttle.ts';
import { openWatchedPage } from './support/watched-page.ts';

const fivePhotos = [
  'accept/photo-landscape-exif1.jpg',
  'accept/photo-portrait-exif8.jpg',
  'accept/jpeg-large.jpg',
  'accept/photo-landscape-exif6.jpg',
  'accept/webp-lossy.webp',
].map(fixture);

let e2e: E2eApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [e2e, browser] = await Promise.all([startE2eApp(), openBrowser()]);
  await signInBrowser(browser.context, e2e);
  page = await openWatchedPage(browser.context, pageErrors);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await e2e?.close();
  expect(pageErrors).toEqual([]);
});

async function newProduct(name: string): Promise<number> {
  await page.goto(e2e.url);
  await page.getByLabel('Product name').fill(name);
  await page.getByRole('button', { name: 'Add product' }).click();
  await page.waitForURL(/\/products\/\d+$/);
  await page.getByRole('heading', { level: 1, name }).waitFor();

  return Number(new URL(page.url()).pathname.split('/').at(-1));
}

const rowStates = () =>
  page
    .getByTestId('upload-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')));
const galleryCount = () => page.getByTestId('gallery-tile').count();

async function keysOf(productId: number): Promise<string[]> {
  const keys = await e2e.store.listKeys();
  return keys.filter((key) => key.startsWith(`products/${productId}/`));
}

async function pendingUploadsOf(productId: number): Promise<number> {
  const rows = await e2e.app.db
    .selectFrom('upload')
    .select('id')
    .where('product_id', '=', productId)
    .execute();
  return rows.length;
}

describe('uploading in Chromium', () => {
  it('checks the empty product list and product page', async () => {
    await page.goto(e2e.url);
    await page.getByText('No products yet').waitFor();
    await expectAccessible(page, 'the empty product list');

    await newProduct('Empty shelf');
    await page.getByText('No photos yet').waitFor();
    await expectAccessible(page, 'a product without photos');
  });

  it('takes five photos dropped at once, showing progress', async () => {
    const productId = await newProduct('Desk lamp');
    const unthrottle = await throttleUploads(browser.context, page, 300 * 1024);

    await dropFiles(page.getByTestId('drop-zone'), fivePhotos);

    // Part of a file sent, and a good part of the whole, at one moment.
    await poll(() =>
      page.evaluate(() => {
        const partial = (bar: HTMLProgressElement | null) =>
          bar !== null && bar.value > 0 && bar.value < bar.max;
        const rows = [
          ...document.querySelectorAll<HTMLProgressElement>(
            'progress[data-state="uploading"]',
          ),
        ];
        const overall = document.querySelector<HTMLProgressElement>(
          '[data-testid="overall-progress"]',
        );
        const share = overall ? overall.value / overall.max : 0;
        return rows.some(partial) && share > 0.2 && share < 0.8;
      }),
    ).toBe(true);
    expect(await rowStates()).toContain('queued');
    await saveScreenshot(page, 'upload-in-progress');
    await expectAccessible(page, 'uploads in progress');
    await unthrottle();

    await poll(rowStates, 30_000).toEqual(fivePhotos.map(() => 'done'));
    await poll(galleryCount).toBe(5);
    expect(await keysOf(productId)).toHaveLength(5);
    expect(await pendingUploadsOf(productId)).toBe(0);

    // Full: the zone says so and takes nothing more.
    await page.getByText('This product is full').waitFor();
    await poll(() => page.getByLabel('This product is full').isDisabled()).toBe(
      true,
    );
    await dropFiles(page.getByTestId('drop-zone'), [
      fixture('accept/png-sample.png'),
    ]);
    expect(await rowStates()).toHaveLength(5);
    await expectAccessible(page, 'a full product');

    // Found by a third tester: clearing the list of a full product left
    // the focus nowhere, the picker being off.
    await page.getByRole('button', { name: 'Clear finished' }).focus();
    await page.keyboard.press('Enter');
    await poll(rowStates).toEqual([]);
    await poll(() =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('drop-zone');
  });

  it('cancels one upload while it is being sent', async () => {
    const productId = await newProduct('Bookshelf');
    const unthrottle = await throttleUploads(browser.context, page, 64 * 1024);

    // Everything the uploads' live region says, as it says it.
    await page.evaluate(() => {
      const said: string[] = [];
      (window as { told?: string[] }).told = said;
      const region = document.querySelector(
        '.uploader p.visually-hidden[aria-live]',
      );
      new MutationObserver(() => said.push(region?.textContent ?? '')).observe(
        region ?? document.body,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await dropFiles(page.getByTestId('drop-zone'), [
      fixture('accept/webp-lossy.webp'),
      fixture('accept/jpeg-large.jpg'),
    ]);
    const large = page
      .getByTestId('upload-row')
      .filter({ hasText: 'jpeg-large.jpg' });
    await poll(() => large.getAttribute('data-state')).toBe('sending');
    await page.getByRole('button', { name: 'Cancel jpeg-large.jpg' }).focus();
    await page.keyboard.press('Enter');
    await unthrottle();

    await poll(rowStates).toEqual(['done', 'cancelled']);
    // Found by a tester: the focus fell to the page with the button.
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await poll(focused).toBe('Remove jpeg-large.jpg from the list');
    // A screen reader hears each file's outcome once, not every step.
    const told = await page.evaluate(
      () => (window as { told?: string[] }).told,
    );
    expect(told).toEqual(
      expect.arrayContaining([
        'jpeg-large.jpg: cancelled.',
        'webp-lossy.webp: added.',
      ]),
    );
    expect(told?.some((text) => /Sending|Checking/.test(text))).toBe(false);
    expect(
      await page.locator('.upload-list').getAttribute('aria-live'),
    ).toBeNull();
    await page.keyboard.press('Enter');
    await poll(rowStates).toEqual(['done']);
    await poll(focused).toBe('Remove webp-lossy.webp from the list');
    await poll(galleryCount).toBe(1);
    const names = await page
      .getByTestId('gallery')
      .locator('img')
      .evaluateAll((images) => images.map((i) => i.getAttribute('alt')));
    expect(names).toEqual(['webp-lossy.webp']);
    // The cancelled file's bytes may still land after the cancel (the
    // store had them already): its key stays queued, and the sweeper
    // deletes it once its URL is over. Nothing else is in the bucket.
    const [image] = await e2e.app.db
      .selectFrom('image')
      .select('object_key')
      .where('product_id', '=', productId)
      .execute();
    const queued = await e2e.app.db
      .selectFrom('object_deletion')
      .select('object_key')
      .execute();
    const strays = (await keysOf(productId)).filter(
      (key) => key !== image?.object_key,
    );
    expect(queued.map((row) => row.object_key)).toEqual(
      expect.arrayContaining(strays),
    );
    expect(await keysOf(productId)).toContain(image?.object_key);
    // Its place under the cap is free at once, not when it would expire.
    await poll(() => pendingUploadsOf(productId)).toBe(0);
    await page.getByText('4 more fit').waitFor();
  });

  it('retries after the store is stopped and started again', async () => {
    const productId = await newProduct('Armchair');
    await e2e.store.stop();
    try {
      await dropFiles(page.getByTestId('drop-zone'), [
        fixture('accept/photo-portrait-exif1.jpg'),
      ]);
      await poll(rowStates).toEqual(['retrying']);
      await page
        .getByText(/connection to storage dropped; trying again/)
        .waitFor();
    } finally {
      await e2e.store.start();
    }

    await poll(rowStates, 30_000).toEqual(['done']);
    await poll(galleryCount).toBe(1);
    expect(await keysOf(productId)).toHaveLength(1);
  });

  it('explains every refused file on the file itself', async () => {
    const productId = await newProduct('Odd files');

    await dropFiles(page.getByTestId('drop-zone'), [
      fixture('reject/svg-image.svg'),
      fixture('reject/json-named-webp.webp'),
      fixture('accept/png-sample.png'),
    ]);

    // The JSON named .webp is refused in the browser, before it is signed.
    await poll(rowStates).toEqual(['refused', 'refused', 'done']);
    const notes = await page
      .getByTestId('upload-row')
      .locator('.upload-note')
      .allTextContents();
    expect(notes).toEqual([
      'image/svg+xml is not allowed; choose a JPEG, PNG, WebP, AVIF or GIF image.',
      'This file is named as a WebP image but holds no JPEG, PNG, WebP, ' +
        'AVIF, GIF or HEIC image; choose a photo in one of those formats.',
      'Added.',
    ]);
    await page.getByText('1 photo added; 2 could not be').waitFor();
    expect(await keysOf(productId)).toHaveLength(1);
    await expectAccessible(page, 'refused files');
  });

  it('gives back the places of uploads left unfinished elsewhere', async () => {
    const productId = await newProduct('Left in a tab');
    // Another tab starts two uploads, slowly, and is closed midway.
    const tab = await browser.context.newPage();
    await tab.goto(page.url());
    await throttleUploads(browser.context, tab, 20 * 1024);
    await dropFiles(tab.getByTestId('drop-zone'), fivePhotos.slice(0, 2));
    await tab
      .locator('[data-testid="upload-row"][data-state="sending"]')
      .first()
      .waitFor();
    await tab.close();
    expect(await pendingUploadsOf(productId)).toBe(2);

    await page.reload();
    const notice = page.locator('.unfinished-uploads');
    await notice.waitFor();
    expect(await notice.locator('p').textContent()).toBe(
      '2 uploads left unfinished in another tab or before the page was ' +
        'reloaded still hold places: photo-landscape-exif1.jpg and ' +
        'photo-portrait-exif8.jpg. They give them back by themselves ' +
        'within 11 minutes. Releasing them stops them if still going on ' +
        'in another tab.',
    );
    await page.getByText('3 more fit').waitFor();
    await saveScreenshot(page, 'unfinished-uploads');
    await expectAccessible(page, 'uploads left unfinished');

    // Released while this page uploads a photo of its own, which a tester
    // found kept the list, and the count, as they were.
    const unthrottle = await throttleUploads(browser.context, page, 20 * 1024);
    await dropFiles(page.getByTestId('drop-zone'), fivePhotos.slice(2, 3));
    await poll(rowStates).toEqual(['sending']);
    await page.getByText('2 more fit').waitFor();
    await page.getByRole('button', { name: 'Release their places' }).click();

    await page.getByText('2 places given back.').waitFor();
    await notice.waitFor({ state: 'detached' });
    await page.getByText('4 more fit').waitFor();
    expect(await pendingUploadsOf(productId)).toBe(1);
    await poll(() =>
      page.evaluate(() => document.activeElement?.getAttribute('type')),
    ).toBe('file');

    // The page's own upload is never taken for an unfinished one.
    await unthrottle();
    await poll(rowStates).toEqual(['done']);
    await page.getByText('4 more fit').waitFor();
    expect(await notice.count()).toBe(0);
    expect(await pendingUploadsOf(productId)).toBe(0);
    expect(await keysOf(productId)).toHaveLength(1);
  });

  it('lists every product with its cover and photo count', async () => {
    await page.goto(e2e.url);
    const covers = page.getByRole('list', { name: 'Products' }).locator('img');
    await poll(() => covers.count()).toBe(5);
    await poll(() =>
      covers.evaluateAll((images) =>
        images.every((i) => (i as HTMLImageElement).naturalWidth > 0),
      ),
    ).toBe(true);
    const counts = await page
      .locator('.product-card-text .muted')
      .allTextContents();
    expect(counts).toEqual([
      '1 of 5 photos',
      '1 of 5 photos',
      '1 of 5 photos',
      '1 of 5 photos',
      '5 of 5 photos',
      '0 of 5 photos',
    ]);
    await saveScreenshot(page, 'product-list');
    await expectAccessible(page, 'the product list');
  });

  it('takes an image pasted anywhere on the page', async () => {
    const productId = await newProduct('Pasted');
    const bytes = readFileSync(fixture('accept/png-sample.png'));

    await page.evaluate((base64) => {
      const data = new DataTransfer();
      const png = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      data.items.add(new File([png], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    }, bytes.toString('base64'));

    await poll(rowStates).toEqual(['done']);
    await poll(galleryCount).toBe(1);
    expect(await keysOf(productId)).toHaveLength(1);
  });

  // Found by a tester: the photo was stored, the confirm's answer lost,
  // and the row stayed failed.
  it('confirms again when the connection drops during the check', async () => {
    const productId = await newProduct('Dropped check');
    const confirms = `${e2e.url}/trpc/uploads.complete*`;
    let dropped = 0;
    await page.route(confirms, (route) => {
      dropped += 1;
      return dropped === 1 ? route.abort('connectionreset') : route.continue();
    });
    try {
      await dropFiles(page.getByTestId('drop-zone'), [
        fixture('accept/jpeg-baseline.jpg'),
      ]);
      await poll(rowStates).toEqual(['done']);
    } finally {
      await page.unroute(confirms);
    }

    expect(dropped).toBe(2);
    await poll(galleryCount).toBe(1);
    expect(await keysOf(productId)).toHaveLength(1);
  });

  // A network that changes under a PUT can leave it hanging, no error.
  it('sends again a PUT that hangs without an answer', async () => {
    const productId = await newProduct('Hanging PUT');
    const tab = await browser.context.newPage();
    await tab.clock.install();
    await tab.goto(page.url());
    const puts = `${e2e.store.endpoint}/**`;
    let hung = 0;
    await tab.route(puts, (route) => {
      if (route.request().method() !== 'PUT' || hung > 0) {
        return route.continue();
      }
      hung += 1;
      // Never answered: the first PUT hangs.
    });
    try {
      await dropFiles(tab.getByTestId('drop-zone'), [
        fixture('accept/jpeg-baseline.jpg'),
      ]);
      await poll(() => hung).toBe(1);
      await tab.clock.fastForward(61_000);
      await tab
        .locator('[data-testid="upload-row"][data-state="done"]')
        .waitFor();
    } finally {
      await tab.unroute(puts);
      await tab.close();
    }

    expect(await keysOf(productId)).toHaveLength(1);
    expect(await pendingUploadsOf(productId)).toBe(0);
  });

  it('words a refusal by the store so a person can act on it', async () => {
    const productId = await newProduct('Refused by storage');
    // The store answers 403 to every PUT, as R2 does to a bad signature.
    await page.route(`${e2e.store.endpoint}/**`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 403,
            headers: { 'Access-Control-Allow-Origin': '*' },
            contentType: 'application/xml',
            body: '<Error><Code>SignatureDoesNotMatch</Code></Error>',
          })
        : route.continue(),
    );
    try {
      await dropFiles(page.getByTestId('drop-zone'), [
        fixture('accept/jpeg-baseline.jpg'),
      ]);
      await poll(rowStates).toEqual(['failed']);
    } finally {
      await page.unroute(`${e2e.store.endpoint}/**`);
    }
    expect(await page.locator('.upload-note').textContent()).toBe(
      'The upload was refused by storage; retry.',
    );

    await page.getByRole('button', { name: 'Retry jpeg-baseline.jpg' }).click();
    await poll(rowStates).toEqual(['done']);
    expect(await keysOf(productId)).toHaveLength(1);
  });
});

import type { Page } from 'playwright-core';
import { appOrigins } from '../../apps/server/src/http/origins.ts';
import { openBrowser } from '../../apps/web/e2e/browser.ts';
import type { BenchServers } from '../lib/bench-servers.ts';
import { photosOfSize, writePhotos } from '../lib/photos.ts';
import { interleave } from '../lib/rounds.ts';
import { ratios, type Spread, spread } from '../lib/stats.ts';
import { mutate, type Ticket } from '../lib/upload-client.ts';

const ways = ['flow', 'bare'] as const;
type Way = (typeof ways)[number];
const rounds = 7;
const photoBytes = 5_000_000;
/** Any single upload taking longer than this is a failure, not a figure. */
const timeoutMs = 60_000;

/** Each timing takes two products: one to load, one to sign for. */
export const browserProductsNeeded = 2 * ways.length * (rounds + 1);

export interface BrowserResult {
  photoBytes: number;
  photos: number;
  /** Milliseconds from choosing the files to the last one done. */
  ms: Record<Way, Spread>;
  /** Each round's whole flow ÷ bare PUTs: target 5. */
  flowToBare: Spread;
}

/**
 * Target 5, in Chromium: 5 photos through the product's whole flow (the
 * page asks, PUTs, confirms) against 5 bare parallel PUTs of the same
 * bytes to the same store, timed inside the page.
 */
export async function benchBrowser(
  servers: BenchServers,
): Promise<BrowserResult> {
  const photos = photosOfSize(photoBytes);
  const paths = writePhotos(photos, 'browser');
  const port = Number(new URL(servers.urls.app).port);
  await servers.store.call('allow-origins', appOrigins(undefined, port));
  const browser = await openBrowser();
  try {
    // tsx compiles this file keeping function names through a `__name`
    // helper; the functions handed to the page take it along, so the page
    // needs one too.
    await browser.context.addInitScript('globalThis.__name = (f) => f;');
    // Signed in as the bench admin, as after the sign-in page.
    await browser.context.addCookies([
      {
        name: 'vitrine_session',
        value: servers.session,
        url: servers.urls.app,
      },
    ]);
    const page = await browser.context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const time = async (way: Way) => {
      const [productId = 0, spare = 0] = servers.takeProducts(2);
      await page.goto(`${servers.urls.app}/products/${productId}`);
      await page.getByLabel('Choose photos').waitFor();
      if (way === 'flow') return timeFlow(page, paths);

      const tickets = await mutate<Ticket[]>(
        servers.urls.app,
        'uploads.create',
        {
          productId: spare,
          files: photos.map((photo) => ({
            name: photo.name,
            type: photo.type,
            size: photo.bytes.length,
          })),
        },
      );
      return timeBarePuts(page, paths, tickets);
    };

    await time('flow');
    await time('bare');
    const measured = await interleave(ways, rounds, time);

    return {
      photoBytes,
      photos: photos.length,
      ms: { flow: spread(measured.flow), bare: spread(measured.bare) },
      flowToBare: spread(ratios(measured.flow, measured.bare)),
    };
  } finally {
    await browser.close();
  }
}

/** Chooses the files in the page's picker; times until all five are done. */
async function timeFlow(page: Page, paths: string[]): Promise<number> {
  await page.evaluate(() => {
    const state = window as unknown as { benchStart?: number };
    state.benchStart = undefined;
    document.addEventListener(
      'change',
      () => {
        state.benchStart ??= performance.now();
      },
      { capture: true, once: true },
    );
  });
  await page.getByLabel('Choose photos').setInputFiles(paths);

  return page.evaluate(
    ({ count, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const check = () => {
          const states = [
            ...document.querySelectorAll('progress[data-state]'),
          ].map((bar) => bar.getAttribute('data-state'));
          if (states.includes('failed')) reject(new Error('an upload failed'));
          if (states.length !== count || states.some((s) => s !== 'done'))
            return;
          observer.disconnect();
          const start =
            (window as unknown as { benchStart?: number }).benchStart ?? 0;
          resolve(performance.now() - start);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
        });
        setTimeout(
          () => reject(new Error('the uploads did not finish')),
          timeoutMs,
        );
        check();
      }),
    { count: paths.length, timeoutMs },
  );
}

/** The same files PUT straight to signed URLs with XHR, all at once. */
async function timeBarePuts(
  page: Page,
  paths: string[],
  tickets: Ticket[],
): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'bench-files';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-files').setInputFiles(paths);

  return page.evaluate(async (tickets) => {
    const input = document.querySelector<HTMLInputElement>('#bench-files');
    const files = [...(input?.files ?? [])];
    const put = (file: File, ticket: (typeof tickets)[number]) =>
      new Promise<void>((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('PUT', ticket.url);
        for (const [name, value] of Object.entries(ticket.headers)) {
          request.setRequestHeader(name, value);
        }
        request.upload.addEventListener('progress', () => {});
        request.addEventListener('load', () =>
          request.status < 300
            ? resolve()
            : reject(new Error(`PUT ${request.status}`)),
        );
        request.addEventListener('error', () =>
          reject(new Error('PUT failed')),
        );
        request.send(file);
      });
    const start = performance.now();
    await Promise.all(
      files.map((file, index) =>
        put(file, tickets[index] as (typeof tickets)[number]),
      ),
    );

    return performance.now() - start;
  }, tickets);
}

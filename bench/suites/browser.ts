import type { Page } from 'playwright-core';
import { appOrigins } from '../../apps/server/src/http/origins.ts';
import { openBrowser } from '../../apps/web/e2e/browser.ts';
import { throttleUploads } from '../../apps/web/e2e/support/throttle.ts';
import type { BenchServers } from '../lib/bench-servers.ts';
import { cameraPhotos } from '../lib/camera-photos.ts';
import {
  type FlowPhases,
  type FlowTiming,
  flowTimeoutMs,
  timeBarePuts,
  timeFlow,
} from '../lib/page-timing.ts';
import { writePhotos } from '../lib/photos.ts';
import { interleave } from '../lib/rounds.ts';
import { ratios, type Spread, spread } from '../lib/stats.ts';
import { ask } from '../lib/upload-client.ts';

const ways = ['flow', 'bare'] as const;
type Way = (typeof ways)[number];
const photoBytes = 5_000_000;

/**
 * loopback: as fast as this machine goes, where any round trip weighs.
 * home: a shop on a home connection, its uplink 50 Mbit/s with 20 ms of
 * latency, through Chromium's network emulation for both ways alike.
 * A home round takes seconds: fewer of them.
 */
const networks = {
  loopback: { rounds: 7, bytesPerSecond: undefined, latencyMs: 0 },
  home: { rounds: 3, bytesPerSecond: 50e6 / 8, latencyMs: 20 },
} as const;
type Network = keyof typeof networks;

/** Each timing takes two products: one to load, one to sign for. */
export const browserProductsNeeded =
  2 * ways.length * (networks.loopback.rounds + 1 + networks.home.rounds);

export interface NetworkFigures {
  /** Upload throughput, bytes per second; null: loopback, unthrottled. */
  bytesPerSecond: number | null;
  latencyMs: number;
  rounds: number;
  /** Milliseconds from choosing the files to the last one done. */
  ms: Record<Way, Spread>;
  /** Each round's whole flow ÷ bare PUTs: target 5. */
  flowToBare: Spread;
  /** Where the whole flow's time went, each phase's median and range. */
  phases: Record<keyof FlowPhases, Spread>;
}

export interface BrowserResult {
  photoBytes: number;
  photos: number;
  networks: Record<Network, NetworkFigures>;
}

/**
 * Target 5, in Chromium: 5 photos through the product's whole flow (the
 * page prepares, asks, PUTs, confirms) against 5 bare parallel PUTs of the
 * same bytes to the same store, signed with the same digest header, timed
 * inside the page: on loopback, then on an emulated home connection.
 */
export async function benchBrowser(
  servers: BenchServers,
): Promise<BrowserResult> {
  const photos = cameraPhotos(photoBytes);
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
    page.setDefaultTimeout(flowTimeoutMs);
    const time = async (network: Network, way: Way): Promise<FlowTiming> => {
      const [productId = 0, spare = 0] = servers.takeProducts(2);
      await page.goto(`${servers.urls.app}/products/${productId}`);
      await page.getByLabel('Choose photos').waitFor();
      // The bare PUTs' URLs are signed before the clock starts.
      const tickets =
        way === 'bare' ? await ask(servers.urls.app, spare, photos) : [];
      const undo = await emulate(browser.context, page, network);
      try {
        if (way === 'flow') {
          return await timeFlow(page, paths, servers.urls.store);
        }
        return { ms: await timeBarePuts(page, paths, tickets), phases };
      } finally {
        await undo();
      }
    };

    await time('loopback', 'flow');
    await time('loopback', 'bare');
    const figures = async (network: Network): Promise<NetworkFigures> => {
      const { rounds, bytesPerSecond, latencyMs } = networks[network];
      const measured = await interleave(ways, rounds, (way) =>
        time(network, way),
      );
      const ms = (way: Way) => measured[way].map((timing) => timing.ms);
      return {
        bytesPerSecond: bytesPerSecond ?? null,
        latencyMs,
        rounds,
        ms: { flow: spread(ms('flow')), bare: spread(ms('bare')) },
        flowToBare: spread(ratios(ms('flow'), ms('bare'))),
        phases: phaseSpreads(measured.flow.map((timing) => timing.phases)),
      };
    };

    return {
      photoBytes: Math.round(
        photos.reduce((sum, photo) => sum + photo.bytes.length, 0) /
          photos.length,
      ),
      photos: photos.length,
      networks: {
        loopback: await figures('loopback'),
        home: await figures('home'),
      },
    };
  } finally {
    await browser.close();
  }
}

/** The bare PUTs have no phases; the flow's fill them in. */
const phases: FlowPhases = {
  prepare: Number.NaN,
  ask: Number.NaN,
  toFirstPut: Number.NaN,
  puts: Number.NaN,
  toConfirm: Number.NaN,
  confirm: Number.NaN,
  show: Number.NaN,
};

function phaseSpreads(timings: FlowPhases[]): Record<keyof FlowPhases, Spread> {
  const names = Object.keys(phases) as (keyof FlowPhases)[];

  return Object.fromEntries(
    names.map((name) => [name, spread(timings.map((t) => t[name]))]),
  ) as Record<keyof FlowPhases, Spread>;
}

/** Throttles the page as the network says; returns the undo. */
async function emulate(
  context: Parameters<typeof throttleUploads>[0],
  page: Page,
  network: Network,
): Promise<() => Promise<void>> {
  const { bytesPerSecond, latencyMs } = networks[network];
  if (bytesPerSecond === undefined) return async () => {};

  return throttleUploads(context, page, bytesPerSecond, latencyMs);
}

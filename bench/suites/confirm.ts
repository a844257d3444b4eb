import type { BenchServers } from '../lib/bench-servers.ts';
import { loadTest } from '../lib/http-load.ts';
import { realPhotos } from '../lib/photos.ts';
import type { ProfileSummary } from '../lib/profile.ts';
import { interleave } from '../lib/rounds.ts';
import { type Spread, spread } from '../lib/stats.ts';
import { askAndPut, type Digest } from '../lib/upload-client.ts';

/**
 * product: uploads asked for with their digest, as the page asks; the
 * image keeps the upload's key (decision 0013). copy: uploads asked for
 * without one, which a confirm copies in the store (decision 0009), as the
 * product did for every upload before.
 */
const variants = ['product', 'copy'] as const;
export type ConfirmVariant = (typeof variants)[number];
const digestOf: Record<ConfirmVariant, Digest> = {
  product: 'sha256',
  copy: 'none',
};
const rounds = 3;
const batchesPerRound = 50;
const profileBatches = 40;
const connections = 5;
const maxSeconds = 20;

export const confirmProductsNeeded =
  variants.length * rounds * batchesPerRound + profileBatches;

export interface ConfirmFigures {
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  /** The app server's CPU per confirmed image. */
  appCpuMicrosPerImage: Spread;
  /** The store's, for scale: R2's share when the store is R2. */
  storeCpuMicrosPerImage: Spread;
}

export interface ConfirmResult {
  photoBytes: number[];
  variants: Record<ConfirmVariant, ConfirmFigures>;
  /** The product's confirm, profiled. */
  profile: ProfileSummary;
}

/**
 * Target 3: confirming 5 uploads (HEAD, first bytes, dimensions, one
 * transaction) against the store, over real HTTP, 5 requests at a time,
 * with and without the copy, in interleaved rounds. Each confirm gets 5
 * fresh uploads: a repeated confirm does no work.
 */
export async function benchConfirm(
  servers: BenchServers,
): Promise<ConfirmResult> {
  const photos = realPhotos();
  const measured = await interleave(variants, rounds, async (variant) => {
    const batches = await prepare(servers, batchesPerRound, variant);
    return servers.measure(() => confirmAll(servers, batches));
  });
  const perImage = (cpuMs: number, requests: number) =>
    (1000 * cpuMs) / (requests * photos.length);
  const figures = (variant: ConfirmVariant): ConfirmFigures => {
    const runs = measured[variant];
    return {
      requestsPerSecond: spread(runs.map((m) => m.result.requestsPerSecond)),
      p50Ms: spread(runs.map((m) => m.result.p50Ms)),
      p99Ms: spread(runs.map((m) => m.result.p99Ms)),
      appCpuMicrosPerImage: spread(
        runs.map((m) => perImage(m.app.cpuMs, m.result.requests)),
      ),
      storeCpuMicrosPerImage: spread(
        runs.map((m) => perImage(m.store.cpuMs, m.result.requests)),
      ),
    };
  };
  const profileBatchList = await prepare(servers, profileBatches, 'product');
  await servers.app.call('profile-start');
  await confirmAll(servers, profileBatchList);
  const profile = await servers.app.call<ProfileSummary>('profile-stop');

  return {
    photoBytes: photos.map((photo) => photo.bytes.length),
    variants: { product: figures('product'), copy: figures('copy') },
    profile,
  };
}

interface Batch {
  productId: number;
  uploadIds: string[];
}

/** Products with 5 photos each in the store, asked for and not confirmed. */
async function prepare(
  servers: BenchServers,
  count: number,
  variant: ConfirmVariant,
): Promise<Batch[]> {
  const photos = realPhotos();
  const batches: Batch[] = [];
  for (const productId of servers.takeProducts(count)) {
    const uploadIds = await askAndPut(
      servers.urls.app,
      productId,
      photos,
      digestOf[variant],
    );
    batches.push({ productId, uploadIds });
  }

  return batches;
}

function confirmAll(servers: BenchServers, batches: Batch[]) {
  const queue = [...batches];

  return loadTest({
    url: `${servers.urls.app}/trpc/uploads.complete`,
    connections,
    maxSeconds,
    maxRequests: batches.length,
    nextBody: () => JSON.stringify(queue.shift()),
  });
}

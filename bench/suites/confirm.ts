import type { BenchServers } from '../lib/bench-servers.ts';
import { loadTest } from '../lib/http-load.ts';
import { realPhotos } from '../lib/photos.ts';
import type { ProfileSummary } from '../lib/profile.ts';
import { interleave } from '../lib/rounds.ts';
import { type Spread, spread } from '../lib/stats.ts';
import { askAndPut } from '../lib/upload-client.ts';

const rounds = 3;
const batchesPerRound = 50;
const profileBatches = 40;
const connections = 5;
const maxSeconds = 20;

export const confirmProductsNeeded = rounds * batchesPerRound + profileBatches;

export interface ConfirmResult {
  photoBytes: number[];
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  /** The app server's CPU per confirmed image. */
  appCpuMicrosPerImage: Spread;
  /** The store's, for scale: R2's share when the store is R2. */
  storeCpuMicrosPerImage: Spread;
  profile: ProfileSummary;
}

/**
 * Target 3: confirming 5 uploads (HEAD, first bytes, dimensions, one
 * transaction) against the store, over real HTTP, 5 requests at a time.
 * Each confirm gets 5 fresh uploads: a repeated confirm does no work.
 */
export async function benchConfirm(
  servers: BenchServers,
): Promise<ConfirmResult> {
  const photos = realPhotos();
  const measured = await interleave(['confirm'], rounds, async () => {
    const batches = await prepare(servers, batchesPerRound);
    return servers.measure(() => confirmAll(servers, batches));
  });
  const runs = measured.confirm;
  const perImage = (cpuMs: number, requests: number) =>
    (1000 * cpuMs) / (requests * photos.length);
  const profileBatchList = await prepare(servers, profileBatches);
  await servers.app.call('profile-start');
  await confirmAll(servers, profileBatchList);
  const profile = await servers.app.call<ProfileSummary>('profile-stop');

  return {
    photoBytes: photos.map((photo) => photo.bytes.length),
    requestsPerSecond: spread(runs.map((m) => m.result.requestsPerSecond)),
    p50Ms: spread(runs.map((m) => m.result.p50Ms)),
    p99Ms: spread(runs.map((m) => m.result.p99Ms)),
    appCpuMicrosPerImage: spread(
      runs.map((m) => perImage(m.app.cpuMs, m.result.requests)),
    ),
    storeCpuMicrosPerImage: spread(
      runs.map((m) => perImage(m.store.cpuMs, m.result.requests)),
    ),
    profile,
  };
}

interface Batch {
  productId: number;
  uploadIds: string[];
}

/** Products with 5 photos each in the store, asked for and not confirmed. */
async function prepare(servers: BenchServers, count: number): Promise<Batch[]> {
  const photos = realPhotos();
  const batches: Batch[] = [];
  for (const productId of servers.takeProducts(count)) {
    const uploadIds = await askAndPut(servers.urls.app, productId, photos);
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

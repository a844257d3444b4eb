import type { BenchServers } from '../lib/bench-servers.ts';
import { marginalMsPer100MiB } from '../lib/marginal-cost.ts';
import { type Photo, photosOfSize } from '../lib/photos.ts';
import { interleave } from '../lib/rounds.ts';
import { ratios, type Spread, spread } from '../lib/stats.ts';
import { uploadDirect, uploadThroughProxy } from '../lib/upload-client.ts';

const flows = ['direct', 'proxy'] as const;
type Flow = (typeof flows)[number];
const rounds = 8;
const comparedBytes = 5_000_000;
/**
 * The two sizes whose difference gives the cost of each extra byte. The
 * direct flow's CPU per upload jitters by tens of milliseconds on this
 * busy machine (a garbage collection, a neighbour); 234 MiB of difference
 * keeps that jitter to a few percent of the proxy's cost for those bytes.
 */
const marginalBytes = { small: 1_000_000, large: 50_000_000 } as const;
const marginalRounds = 6;
const memoryBytes = [1_000_000, 10_000_000, 50_000_000] as const;
const hundredMiB = 100 * 2 ** 20;

export const directProductsNeeded =
  rounds + 2 * marginalRounds + memoryBytes.length;

export interface DirectVsProxyResult {
  fileBytes: number;
  files: number;
  /** The app server's CPU per 100 MiB uploaded, each flow. */
  cpuMsPer100MiB: Record<Flow, Spread>;
  /** Each round's direct ÷ proxy: target 4 as the issue words it. */
  directToProxy: Spread;
  /** The store's CPU per 100 MiB in the direct flow, for scale. */
  storeCpuMsPer100MiB: Spread;
  /**
   * The app server's CPU for each extra 100 MiB, from uploads of 5 small
   * and 5 large files in interleaved rounds: the cost per byte, without
   * the cost per file. Each round's direct ÷ proxy: target 4 as meant.
   */
  marginal: {
    smallBytes: number;
    largeBytes: number;
    cpuMsPer100MiB: Record<Flow, Spread>;
    directToProxy: Spread;
  };
  /**
   * By file size: the app server's peak resident memory, its growth during
   * the upload, and its CPU per 100 MiB (direct costs per file, not byte).
   */
  memory: {
    fileBytes: number;
    flow: Flow;
    peakRssMiB: number;
    growthMiB: number;
    cpuMsPer100MiB: number;
  }[];
}

/**
 * Target 4: the same five photos uploaded directly (ask with their digests,
 * PUT to the store, confirm) and through a reference proxy route; then
 * what each extra byte costs either flow; then the server's memory with 1,
 * 10 and 50 MB files.
 */
export async function benchDirectVsProxy(
  servers: BenchServers,
): Promise<DirectVsProxyResult> {
  const compared = photosOfSize(comparedBytes);
  const bytes = compared.length * comparedBytes;
  const upload = (flow: Flow, photos: Photo[]) =>
    servers.measure(() =>
      flow === 'direct'
        ? uploadDirect(servers.urls.app, takeOne(servers), photos)
        : uploadThroughProxy(servers.urls.references, photos),
    );

  await uploadThroughProxy(servers.urls.references, compared);
  const measured = await interleave(flows, rounds, (flow) =>
    upload(flow, compared),
  );
  const per100MiB = (cpuMs: number) => (cpuMs * hundredMiB) / bytes;
  const cpu = (flow: Flow) => measured[flow].map((m) => per100MiB(m.app.cpuMs));
  const marginal = await measureMarginal(upload);

  const memory: DirectVsProxyResult['memory'] = [];
  for (const fileBytes of memoryBytes) {
    const photos = photosOfSize(fileBytes);
    for (const flow of flows) {
      const { app } = await upload(flow, photos);
      memory.push({
        fileBytes,
        flow,
        peakRssMiB: app.peakRssBytes / 2 ** 20,
        growthMiB: (app.peakRssBytes - app.startRssBytes) / 2 ** 20,
        cpuMsPer100MiB: (app.cpuMs * hundredMiB) / (fileBytes * photos.length),
      });
    }
  }

  return {
    fileBytes: comparedBytes,
    files: compared.length,
    cpuMsPer100MiB: {
      direct: spread(cpu('direct')),
      proxy: spread(cpu('proxy')),
    },
    directToProxy: spread(ratios(cpu('direct'), cpu('proxy'))),
    storeCpuMsPer100MiB: spread(
      measured.direct.map((m) => per100MiB(m.store.cpuMs)),
    ),
    marginal,
    memory,
  };
}

type Upload = (
  flow: Flow,
  photos: Photo[],
) => Promise<{ app: { cpuMs: number } }>;

/**
 * Both flows at both sizes, in interleaved rounds; each round's marginal
 * cost is its large upload's CPU less its small one's, per extra byte.
 */
async function measureMarginal(
  upload: Upload,
): Promise<DirectVsProxyResult['marginal']> {
  const small = photosOfSize(marginalBytes.small);
  const large = photosOfSize(marginalBytes.large);
  const variants = flows.flatMap((flow) => [
    `${flow} small` as const,
    `${flow} large` as const,
  ]);
  const measured = await interleave(variants, marginalRounds, (variant) => {
    const [flow, size] = variant.split(' ') as [Flow, 'small' | 'large'];
    return upload(flow, size === 'small' ? small : large);
  });
  const perRound = (flow: Flow) =>
    measured[`${flow} small`].map((smallRun, round) =>
      marginalMsPer100MiB(
        { bytes: totalBytes(small), cpuMs: smallRun.app.cpuMs },
        {
          bytes: totalBytes(large),
          cpuMs: measured[`${flow} large`][round]?.app.cpuMs ?? Number.NaN,
        },
      ),
    );

  return {
    smallBytes: marginalBytes.small,
    largeBytes: marginalBytes.large,
    cpuMsPer100MiB: {
      direct: spread(perRound('direct')),
      proxy: spread(perRound('proxy')),
    },
    directToProxy: spread(ratios(perRound('direct'), perRound('proxy'))),
  };
}

function totalBytes(photos: Photo[]): number {
  return photos.reduce((sum, photo) => sum + photo.bytes.length, 0);
}

function takeOne(servers: BenchServers): number {
  const [productId] = servers.takeProducts(1);
  if (productId === undefined) throw new Error('no product left');

  return productId;
}

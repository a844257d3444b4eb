import type { BenchServers } from '../lib/bench-servers.ts';
import { type Photo, photosOfSize } from '../lib/photos.ts';
import { interleave } from '../lib/rounds.ts';
import { ratios, type Spread, spread } from '../lib/stats.ts';
import { uploadDirect, uploadThroughProxy } from '../lib/upload-client.ts';

const flows = ['direct', 'proxy'] as const;
type Flow = (typeof flows)[number];
const rounds = 8;
const comparedBytes = 5_000_000;
const memoryBytes = [1_000_000, 10_000_000, 50_000_000] as const;
const hundredMiB = 100 * 2 ** 20;

export const directProductsNeeded = rounds + memoryBytes.length;

export interface DirectVsProxyResult {
  fileBytes: number;
  files: number;
  /** The app server's CPU per 100 MiB uploaded, each flow. */
  cpuMsPer100MiB: Record<Flow, Spread>;
  /** Each round's direct ÷ proxy: target 4. */
  directToProxy: Spread;
  /** The store's CPU per 100 MiB in the direct flow, for scale. */
  storeCpuMsPer100MiB: Spread;
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
 * Target 4: the same five photos uploaded directly (ask, PUT to the store,
 * confirm) and through a reference proxy route; then the server's memory
 * with 1, 10 and 50 MB files.
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
    memory,
  };
}

function takeOne(servers: BenchServers): number {
  const [productId] = servers.takeProducts(1);
  if (productId === undefined) throw new Error('no product left');

  return productId;
}

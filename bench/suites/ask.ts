import type { BenchServers } from '../lib/bench-servers.ts';
import { loadTest } from '../lib/http-load.ts';
import type { ProfileSummary } from '../lib/profile.ts';
import { interleave } from '../lib/rounds.ts';
import { ratios, type Spread, spread } from '../lib/stats.ts';

const variants = ['product', 'plain', 'before'] as const;
type Variant = (typeof variants)[number];
const connectionCounts = [10, 50] as const;
const rounds = 3;
const phaseSeconds = 2;
const maxRequestsPerPhase = 8000;
const warmUpRequests = 1500;
const profileSeconds = 1.5;

/** What one product needs from a load test: one request, one product. */
export const askProductsNeeded =
  variants.length *
  (connectionCounts.length * rounds * maxRequestsPerPhase +
    warmUpRequests +
    maxRequestsPerPhase);

export interface AskFigures {
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  cpuMicrosPerRequest: Spread;
  peakRssMiB: Spread;
}

export interface AskResult {
  byConnections: {
    connections: number;
    variants: Record<Variant, AskFigures>;
    /** Each round's product ÷ plain CPU per request: target 2. */
    productToPlainCpu: Spread;
    beforeToPlainCpu: Spread;
  }[];
  /** Where the product's CPU goes on this route, before and after. */
  profiles: { product: ProfileSummary; before: ProfileSummary };
}

/**
 * Target 2: asking for 5 signed URLs through real HTTP and the real
 * router, against a plain Fastify route doing the same work, and against
 * the product as it signed before.
 */
export async function benchAsk(servers: BenchServers): Promise<AskResult> {
  const urls: Record<Variant, string> = {
    product: `${servers.urls.app}/trpc/uploads.create`,
    plain: `${servers.urls.references}/plain/uploads`,
    before: `${servers.urls.before}/trpc/uploads.create`,
  };
  const run = (
    variant: Variant,
    connections: number,
    requests: number,
    seconds: number,
  ) =>
    servers.measure(() =>
      loadTest({
        url: urls[variant],
        connections,
        maxSeconds: seconds,
        maxRequests: requests,
        nextBody: askBody(servers),
      }),
    );

  for (const variant of variants)
    await run(variant, 10, warmUpRequests, phaseSeconds);
  const byConnections: AskResult['byConnections'] = [];
  for (const connections of connectionCounts) {
    const measured = await interleave(variants, rounds, (variant) =>
      run(variant, connections, maxRequestsPerPhase, phaseSeconds),
    );
    const cpu = (variant: Variant) =>
      measured[variant].map((m) => (1000 * m.app.cpuMs) / m.result.requests);
    byConnections.push({
      connections,
      variants: Object.fromEntries(
        variants.map((variant) => [
          variant,
          {
            requestsPerSecond: spread(
              measured[variant].map((m) => m.result.requestsPerSecond),
            ),
            p50Ms: spread(measured[variant].map((m) => m.result.p50Ms)),
            p99Ms: spread(measured[variant].map((m) => m.result.p99Ms)),
            cpuMicrosPerRequest: spread(cpu(variant)),
            peakRssMiB: spread(
              measured[variant].map((m) => m.app.peakRssBytes / 2 ** 20),
            ),
          },
        ]),
      ) as Record<Variant, AskFigures>,
      productToPlainCpu: spread(ratios(cpu('product'), cpu('plain'))),
      beforeToPlainCpu: spread(ratios(cpu('before'), cpu('plain'))),
    });
  }

  return {
    byConnections,
    profiles: {
      product: await profiled(servers, () =>
        run('product', 10, maxRequestsPerPhase, profileSeconds),
      ),
      before: await profiled(servers, () =>
        run('before', 10, maxRequestsPerPhase, profileSeconds),
      ),
    },
  };
}

/** Five photos for a product nobody has asked for yet. */
function askBody(servers: BenchServers): () => string {
  return () => {
    const [productId] = servers.takeProducts(1);
    const files = Array.from({ length: 5 }, (_, index) => ({
      name: `photo-${index + 1}.jpg`,
      type: 'image/jpeg',
      size: 2_000_000 + index,
    }));
    return JSON.stringify({ productId, files });
  };
}

async function profiled(
  servers: BenchServers,
  work: () => Promise<unknown>,
): Promise<ProfileSummary> {
  await servers.app.call('profile-start');
  await work();

  return servers.app.call<ProfileSummary>('profile-stop');
}

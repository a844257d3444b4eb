import type { Usage } from '../servers/usage-meter.ts';
import { type Child, startChild } from './child-process.ts';
import { useSession } from './session.ts';

export interface BenchServers {
  app: Child;
  store: Child;
  /** Base URLs: the product, the references, the product as it was. */
  urls: { app: string; references: string; before: string; store: string };
  /** The bench admin's session token, for a browser's cookie. */
  session: string;
  bucket: string;
  /** Hands out product ids seeded in the app's database, each once. */
  takeProducts(count: number): number[];
  /** CPU and memory of the app (and store) while `work` runs. */
  measure<T>(work: () => Promise<T>): Promise<Measured<T>>;
  stop(): Promise<void>;
}

export interface Measured<T> {
  result: T;
  app: Usage;
  store: Usage;
}

/**
 * Starts the store and the app, each in its own process on a free
 * loopback port, and seeds `products` empty products.
 */
export async function startBenchServers(
  products: number,
): Promise<BenchServers> {
  const bucket = 'vitrine';
  const store = await startChild('../servers/store-server.ts', {
    BENCH_BUCKET: bucket,
  });
  let app: Child | undefined;
  try {
    const storeAddress = await store.call<{
      endpoint: string;
      accessKeyId: string;
    }>('address');
    app = await startChild('../servers/app-server.ts', {
      BENCH_STORE_ENDPOINT: storeAddress.endpoint,
      BENCH_STORE_KEY: storeAddress.accessKeyId,
      BENCH_BUCKET: bucket,
    });
    const { session, ...urls } = await app.call<
      Omit<BenchServers['urls'], 'store'> & { session: string }
    >('addresses');
    useSession(urls.app, session);
    const seeded = await app.call<{ first: number; last: number }>(
      'seed-products',
      products,
    );
    let next = seeded.first;
    const running = app;

    return {
      app: running,
      store,
      urls: { ...urls, store: storeAddress.endpoint },
      session,
      bucket,
      takeProducts(count) {
        if (next + count - 1 > seeded.last) {
          throw new Error('The bench ran out of seeded products.');
        }
        const ids = Array.from({ length: count }, (_, index) => next + index);
        next += count;
        return ids;
      },
      async measure(work) {
        await Promise.all([
          running.call('measure-start'),
          store.call('measure-start'),
        ]);
        const result = await work();
        const [appUsage, storeUsage] = await Promise.all([
          running.call<Usage>('measure-stop'),
          store.call<Usage>('measure-stop'),
        ]);
        return { result, app: appUsage, store: storeUsage };
      },
      async stop() {
        await running.stop();
        await store.stop();
      },
    };
  } catch (error) {
    await app?.stop();
    await store.stop();
    throw error;
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { connectDatabase } from '../../apps/server/src/db/connect.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { createS3Client } from '../../apps/server/src/storage/s3-client.ts';
import { createS3Store } from '../../apps/server/src/storage/s3-store.ts';
import { startPostgresCluster } from '../../apps/server/test/support/postgres-cluster.ts';
import {
  appRouter,
  type Context,
  createAdmin,
  createCallerFactory,
  type Database,
} from '../../packages/api/src/index.ts';
import {
  confirmGraceSeconds,
  defaultMaxImageEdge,
  maxImagePixels,
  uploadUrlTtlSeconds,
} from '../../packages/api/src/rules/index.ts';
import { interleave } from '../lib/rounds.ts';
import { seedCatalog } from '../lib/seed-catalog.ts';
import { percentile, type Spread, spread } from '../lib/stats.ts';

const products = 10_000;
const imagesPerProduct = 5;
const pageSize = 24;
const rounds = 5;
const callsPerRound = 300;
const buckets = ['public', 'private'] as const;
const makeCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof makeCaller>;
type Bucket = (typeof buckets)[number];

export interface PageTimes {
  p50Ms: Spread;
  p99Ms: Spread;
}

export interface ListPageResult {
  products: number;
  images: number;
  /** products.list, 24 products with their covers, from random places. */
  listPage: Record<Bucket, PageTimes>;
  /** products.get, one product with its five images. */
  productPage: Record<Bucket, PageTimes>;
}

/**
 * Target 6 on any database Kysely reaches: migrates, seeds 10,000 products
 * with 5 images each, and times the product list and product pages through
 * the router (in-process, no HTTP), with covers from a public bucket and
 * with signed URLs for a private one. Hand it a PostgreSQL Kysely once the
 * app supports PostgreSQL; nothing here is SQLite's own.
 */
export async function measurePages(
  db: Kysely<Database>,
): Promise<ListPageResult> {
  await migrateToLatest(db);
  const seeded = await seedCatalog(db, products, imagesPerProduct);
  const client = createS3Client({
    endpoint:
      'https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com',
    region: 'auto',
    accessKeyId: 'BENCHKEY',
    secretAccessKey: 'bench-secret',
  });
  // Every procedure needs a session: the callers sign in first, as the
  // admin's page does; each call then checks the session like a request.
  await createAdmin(db, benchAdmin.email, benchAdmin.password, new Date());
  const callers: Record<Bucket, Caller> = {
    public: await signedIn(contextFor(db, client, 'public')),
    private: await signedIn(contextFor(db, client, 'private')),
  };
  const randomId = () => seeded.first + Math.floor(Math.random() * products);

  const time = async (call: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let index = 0; index < callsPerRound; index += 1) {
      const started = performance.now();
      await call();
      ms.push(performance.now() - started);
    }
    return ms.sort((a, b) => a - b);
  };
  const list = (bucket: Bucket) =>
    time(() =>
      callers[bucket].products.list({ limit: pageSize, cursor: randomId() }),
    );
  const get = (bucket: Bucket) =>
    time(() => callers[bucket].products.get({ id: randomId() }));
  await checkPages(callers.private, randomId());
  for (const bucket of buckets) await Promise.all([list(bucket), get(bucket)]);

  const listed = await interleave(buckets, rounds, list);
  const got = await interleave(buckets, rounds, get);
  client.destroy();
  const times = (runs: number[][]): PageTimes => ({
    p50Ms: spread(runs.map((ms) => percentile(ms, 50))),
    p99Ms: spread(runs.map((ms) => percentile(ms, 99))),
  });

  return {
    products,
    images: products * imagesPerProduct,
    listPage: { public: times(listed.public), private: times(listed.private) },
    productPage: { public: times(got.public), private: times(got.private) },
  };
}

/** Target 6 on SQLite: a fresh database file, as the app opens it. */
export async function benchListPageSqlite(): Promise<ListPageResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-pages-'));
  const db = connectDatabase({
    kind: 'sqlite',
    path: join(dir, 'vitrine.sqlite'),
  });
  try {
    return await measurePages(db);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Times mean nothing unless the pages hold what a person would see. */
async function checkPages(caller: Caller, id: number): Promise<void> {
  const page = await caller.products.list({
    limit: pageSize,
    cursor: id + pageSize + 1,
  });
  const product = await caller.products.get({ id });
  const covers = page.items.filter((item) =>
    item.cover?.url.includes('X-Amz-Signature'),
  );
  if (page.items.length !== pageSize || covers.length !== pageSize) {
    throw new Error('The list page did not show 24 products with covers.');
  }
  if (product.images.length !== imagesPerProduct) {
    throw new Error('The product page did not show its five images.');
  }
}

const benchAdmin = { email: 'bench@localhost', password: 'bench password 12' };

async function signedIn(context: Context): Promise<Caller> {
  let token: string | undefined;
  const caller = makeCaller({
    ...context,
    sessionCookie: {
      read: () => token,
      write: (value) => {
        token = value;
      },
      clear: () => {
        token = undefined;
      },
    },
    loginLimits: { attempt: (_email, run) => run() },
  });
  await caller.auth.login(benchAdmin);

  return caller;
}

function contextFor(
  db: Kysely<Database>,
  client: ReturnType<typeof createS3Client>,
  bucket: Bucket,
): Context {
  return {
    db,
    store: createS3Store({
      client,
      bucket: 'vitrine',
      publicBaseUrl:
        bucket === 'public' ? 'https://images.example.com' : undefined,
    }),
    now: () => new Date(),
    limits: {
      maxUploadBytes: 10 * 1024 * 1024,
      urlTtlSeconds: uploadUrlTtlSeconds,
      confirmGraceSeconds,
      maxImagePixels,
    },
    photos: { maxImageEdge: defaultMaxImageEdge, removeMetadata: true },
  };
}

/**
 * Target 6 on PostgreSQL: a throwaway cluster on loopback, made with
 * Debian's initdb and pg_ctl as the tests make theirs.
 */
export async function benchListPagePostgres(): Promise<ListPageResult> {
  const cluster = await startPostgresCluster();
  const db = connectDatabase({ kind: 'postgres', url: cluster.url });
  try {
    await migrateToLatest(db);
    return await measurePages(db);
  } finally {
    await db.destroy();
    await cluster.stop();
  }
}

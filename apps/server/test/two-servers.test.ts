import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExternalStore,
  startExternalStore,
} from './support/external-store.ts';
import { fixtureBytes } from './support/fixtures.ts';
import { type ApiClient, signInTo } from './support/session-client.ts';
import { type ServerProcess, spawnServer } from './support/spawn-server.ts';
import {
  createTestDatabase,
  type TestDatabase,
} from './support/test-database.ts';
import { putToStore } from './support/upload.ts';

// Two server processes on one database and one bucket, as when a shop runs
// several stateless servers behind a load balancer.
let store: ExternalStore;
let database: TestDatabase;
let dataDir: string;
let servers: ServerProcess[] = [];
let clients: ApiClient[] = [];

beforeAll(async () => {
  store = await startExternalStore();
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'vitrine-two-'));
  const env = {
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    // On SQLite both processes open the same file.
    DATABASE_URL: join(dataDir, 'shared.sqlite'),
    ...database.env,
    ...store.env,
  };
  servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  // One admin on the shared database, signed in on each server.
  const first = await signInTo(servers[0]?.url ?? '', env);
  const second = await signInTo(servers[1]?.url ?? '', env);
  clients = [first.api, second.api];
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await database?.drop();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function api(server: ServerProcess | undefined): ApiClient {
  const client = clients[server ? servers.indexOf(server) : -1];
  if (!client) throw new Error('no client for that server');
  return client;
}

it('serve the same products and uploads', async () => {
  const [a, b] = [api(servers[0]), api(servers[1])];
  const photo = fixtureBytes('accept/photo-landscape-exif6.jpg');
  const product = await a.products.create.mutate({ name: 'Shared' });

  const [ticket] = await a.uploads.create.mutate({
    productId: product.id,
    files: [{ name: 'p.jpg', type: 'image/jpeg', size: photo.length }],
  });
  expect(await putToStore(ticket ?? { url: '', headers: {} }, photo)).toBe(200);
  const completed = await b.uploads.complete.mutate({
    productId: product.id,
    uploadIds: [ticket?.uploadId ?? ''],
  });

  expect(completed.images.map((image) => [image.width, image.height])).toEqual([
    [1800, 1200],
  ]);
  const seen = await a.products.get.query({ id: product.id });
  expect(seen.images.map((image) => image.id)).toEqual([
    completed.images[0]?.id,
  ]);
});

it('never pass the five-image cap together', async () => {
  const [a, b] = [api(servers[0]), api(servers[1])];
  const files = ['1.jpg', '2.jpg', '3.jpg'].map((name) => ({
    name,
    type: 'image/jpeg',
    size: 1000,
  }));

  for (let round = 0; round < 8; round += 1) {
    const product = await a.products.create.mutate({ name: `Race ${round}` });
    const outcomes = await Promise.allSettled([
      a.uploads.create.mutate({ productId: product.id, files }),
      b.uploads.create.mutate({ productId: product.id, files }),
    ]);

    const granted = outcomes.filter((o) => o.status === 'fulfilled');
    expect(granted).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(String(refused?.reason)).toContain('holds at most 5 images');
  }
});

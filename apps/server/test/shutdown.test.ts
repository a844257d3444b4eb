import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startExternalStore } from './support/external-store.ts';
import { fixtureBytes } from './support/fixtures.ts';
import { startGatedProxy } from './support/gated-proxy.ts';
import { signInTo } from './support/session-client.ts';
import { spawnServer } from './support/spawn-server.ts';
import { createTestDatabase } from './support/test-database.ts';
import { putToStore } from './support/upload.ts';

it('finishes a request in flight on SIGTERM, then exits 0', async () => {
  const store = await startExternalStore();
  // The server reaches the store through a proxy that can hold answers, so
  // that a confirm stays in flight while the server is told to stop.
  const proxy = await startGatedProxy(store.port);
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-stop-'));
  const endpoint = `http://127.0.0.1:${proxy.port}`;
  const env = {
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ...database.env,
    ...store.env,
    S3_ENDPOINT: endpoint,
    PUBLIC_BASE_URL: `${endpoint}/${store.env.S3_BUCKET}`,
  };
  const server = await spawnServer(env);
  try {
    const { api } = await signInTo(server.url, env);
    const photo = fixtureBytes('accept/jpeg-baseline.jpg');
    const product = await api.products.create.mutate({ name: 'Stop' });
    const [ticket] = await api.uploads.create.mutate({
      productId: product.id,
      files: [{ name: 'a.jpg', type: 'image/jpeg', size: photo.length }],
    });
    expect(await putToStore(ticket ?? { url: '', headers: {} }, photo)).toBe(
      200,
    );

    proxy.hold();
    const reachedStore = proxy.held();
    const confirm = api.uploads.complete.mutate({
      productId: product.id,
      uploadIds: [ticket?.uploadId ?? ''],
    });
    await reachedStore;
    server.child.kill('SIGTERM');
    await expect
      .poll(() =>
        fetch(`${server.url}/healthz`).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down');
    proxy.release();

    const completed = await confirm;
    expect(completed.images.map((image) => image.originalName)).toEqual([
      'a.jpg',
    ]);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
  } finally {
    await server.stop();
    await proxy.close();
    await database.drop();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

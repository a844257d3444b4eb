import { afterEach, describe, expect, it } from 'vitest';
import { startExternalStore } from './support/external-store.ts';
import { fixtureBytes } from './support/fixtures.ts';
import { refusal } from './support/refusal.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function get(path: string) {
  const response = await fetch(`${test?.app.url}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('health', () => {
  it('answers /healthz and /readyz when the database and bucket do', async () => {
    test = await startTestApp();

    expect(await get('/healthz')).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', bucket: 'ok' },
    });
  });

  it('is not ready while the bucket is unreachable', async () => {
    const store = await startExternalStore();
    try {
      test = await startTestApp(store.env);
      await store.stop();

      const ready = await get('/readyz');

      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'unavailable',
        database: 'ok',
        bucket: 'unavailable',
      });
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      await store.close();
    }
  });
});

describe('logs', () => {
  it('write one line per request, 5xx at error, and no secrets', async () => {
    const store = await startExternalStore();
    try {
      test = await startTestApp({ ...store.env, LOG_LEVEL: 'info' });
      const product = await test.api.products.create.mutate({ name: 'Logs' });
      const photo = fixtureBytes('accept/jpeg-baseline.jpg');
      const { tickets } = await uploadFiles(test, product.id, [
        { name: 'a.jpg', type: 'image/jpeg', bytes: photo },
      ]);
      await refusal(test.api.products.get.query({ id: 0 }));
      const [ticket] = await test.api.uploads.create.mutate({
        productId: product.id,
        files: [{ name: 'b.jpg', type: 'image/jpeg', size: photo.length }],
      });
      await store.stop();
      const failure = await refusal(
        test.api.uploads.complete.mutate({
          productId: product.id,
          uploadIds: [ticket?.uploadId ?? ''],
        }),
      );

      expect(failure.data?.httpStatus).toBe(503);
      expect(failure.message).toBe(
        'The image store did not answer; try again in a moment.',
      );
      const requests = test.logs
        .map((line) => JSON.parse(line))
        .filter((line) => line.msg.startsWith('request '));
      expect(
        requests.map((line) => [line.level, line.route, line.status]),
      ).toEqual([
        // The test client signs in first.
        [30, 'auth.login', 200],
        [30, 'products.create', 200],
        [30, 'uploads.create', 200],
        [30, 'uploads.complete', 200],
        [30, 'products.get', 400],
        [30, 'uploads.create', 200],
        [50, 'uploads.complete', 503],
      ]);
      for (const line of requests) {
        expect(line.reqId).toMatch(/^req-/);
        expect(line.durationMs).toBeGreaterThanOrEqual(0);
      }
      const all = test.logs.join('\n');
      expect(all).toContain('procedure failed');
      expect(all).not.toContain('X-Amz-Signature');
      expect(all).not.toContain(tickets[0]?.url ?? 'no url');
      expect(all).not.toContain(store.env.S3_SECRET_ACCESS_KEY);
    } finally {
      await store.close();
    }
  });
});

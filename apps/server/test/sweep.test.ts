import { PutObjectCommand } from '@aws-sdk/client-s3';
import { sweep } from '@vitrine/api';
import { afterEach, describe, expect, it } from 'vitest';
import { startExternalStore } from './support/external-store.ts';
import { runCli } from './support/run-cli.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

const minutes = (n: number) => n * 60 * 1000;

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

/** Asks for one upload at the clock's time and stores its object. */
async function pendingUpload(app: TestApp, productId: number, name: string) {
  const [ticket] = await app.api.uploads.create.mutate({
    productId,
    files: [{ name, type: 'image/jpeg', size: 3 }],
  });
  if (!ticket) throw new Error('no ticket');
  await app.app.storage.client.send(
    new PutObjectCommand({
      Bucket: app.app.storage.bucket,
      Key: ticket.key,
      Body: 'abc',
    }),
  );
  return ticket;
}

describe('sweeping expired uploads', () => {
  it('deletes expired objects and rows, and keeps live ones', async () => {
    test = await startTestApp();
    const product = await test.api.products.create.mutate({ name: 'Sweep' });
    test.clock.now = new Date(Date.now() - minutes(30));
    await pendingUpload(test, product.id, 'old.jpg');
    test.clock.now = new Date();
    const live = await pendingUpload(test, product.id, 'new.jpg');

    const swept = await sweep(test.app.context);

    expect(swept).toEqual({ uploads: 1, objects: { deleted: 1, failed: 0 } });
    expect(await test.listKeys()).toEqual([live.key]);
    const rows = await test.app.db.selectFrom('upload').select('id').execute();
    expect(rows.map((row) => row.id)).toEqual([live.uploadId]);
  });

  it('runs on a timer in the server', async () => {
    test = await startTestApp({ SWEEP_INTERVAL_SECONDS: '1' });
    const product = await test.api.products.create.mutate({ name: 'Timer' });
    test.clock.now = new Date(Date.now() - minutes(30));
    await pendingUpload(test, product.id, 'old.jpg');
    test.clock.now = new Date();

    await expect
      .poll(() => test?.countRows('upload'), { timeout: 5000 })
      .toBe(0);
    expect(await test.listKeys()).toEqual([]);
  });

  it('runs from the sweep command', async () => {
    test = await startTestApp();
    const env = test.env;
    const product = await test.api.products.create.mutate({ name: 'CLI' });
    test.clock.now = new Date(Date.now() - minutes(30));
    await pendingUpload(test, product.id, 'old.jpg');
    await test.app.close();

    const { stdout } = await runCli(['sweep'], env);

    expect(stdout).toContain('Swept 1 expired upload(s).');
    expect(stdout).toContain('Deleted 1 object(s) from the bucket.');
    test = await startTestApp(env);
    expect(await test.countRows('upload')).toBe(0);
    expect(await test.listKeys()).toEqual([]);
  });
});

describe('when the store is down', () => {
  it('queues deletions and the sweeper finishes them later', async () => {
    const store = await startExternalStore();
    try {
      test = await startTestApp(store.env);
      const product = await test.api.products.create.mutate({ name: 'Down' });
      test.clock.now = new Date(Date.now() - minutes(30));
      const ticket = await pendingUpload(test, product.id, 'old.jpg');
      test.clock.now = new Date();
      await store.stop();

      const first = await sweep(test.app.context);

      expect(first.uploads).toBe(1);
      expect(first.objects).toMatchObject({ deleted: 0, failed: 1 });
      expect(await test.countRows('upload')).toBe(0);
      const queued = await test.app.db
        .selectFrom('object_deletion')
        .select(['object_key', 'attempts'])
        .execute();
      expect(queued).toEqual([{ object_key: ticket.key, attempts: 1 }]);

      await store.restart();
      const second = await sweep(test.app.context);

      expect(second).toEqual({
        uploads: 0,
        objects: { deleted: 1, failed: 0 },
      });
      expect(await test.countRows('object_deletion')).toBe(0);
      expect(await store.listKeys()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

import { sweep } from '@vitrine/api';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type ExternalStore,
  startExternalStore,
} from './support/external-store.ts';
import { fixtureBytes } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

// Deleting a photo or a product while the store is down: the rows go at
// once, the objects stay queued, and the sweeper deletes them once the
// store is back. Nothing is left behind in either place.
let store: ExternalStore;
let test: TestApp;
beforeEach(async () => {
  store = await startExternalStore();
  test = await startTestApp(store.env);
});
afterEach(async () => {
  await test?.close();
  await store?.close();
});

const photo = fixtureBytes('accept/jpeg-baseline.jpg');
const file = (name: string) => ({ name, type: 'image/jpeg', bytes: photo });

it('deletes a photo while the store is down, its object later', async () => {
  const product = await test.api.products.create.mutate({ name: 'Outage' });
  const { completed } = await uploadFiles(test, product.id, [
    file('a.jpg'),
    file('b.jpg'),
  ]);
  const keysBefore = await store.listKeys();
  await store.stop();

  const [first] = completed.images;
  const key = first?.url.split(`/${store.env.S3_BUCKET}/`)[1] ?? '';
  const after = await test.api.images.delete.mutate({ id: first?.id ?? 0 });

  expect(
    after.images.map((image) => [image.originalName, image.position]),
  ).toEqual([['b.jpg', 0]]);
  const queued = await test.app.db
    .selectFrom('object_deletion')
    .select('object_key')
    .execute();
  expect(queued.map((row) => row.object_key)).toContain(key);
  await store.restart();
  expect(await store.listKeys()).toEqual(keysBefore);

  await sweep(test.app.context);

  expect(keysBefore).toContain(key);
  expect(await store.listKeys()).toEqual(
    keysBefore.filter((stored) => stored !== key),
  );
});

it('deletes a product while the store is down, its objects later', async () => {
  const product = await test.api.products.create.mutate({ name: 'Gone' });
  await uploadFiles(test, product.id, [file('a.jpg'), file('b.jpg')]);
  const keysBefore = await store.listKeys();
  expect(keysBefore.length).toBeGreaterThan(0);
  await store.stop();

  const deleted = await test.api.products.delete.mutate({ id: product.id });

  expect(deleted).toEqual({ id: product.id, deletedObjects: 0 });
  expect(await test.countRows('image')).toBe(0);
  await store.restart();
  await sweep(test.app.context);
  const own = (await store.listKeys()).filter((key) =>
    key.startsWith(`products/${product.id}/`),
  );
  // Upload keys were deleted at confirm and wait only for their URLs to
  // expire; the photos' own objects are gone.
  expect(own).toEqual([]);
});

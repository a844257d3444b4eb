import { createHash } from 'node:crypto';
import { sweep } from '@vitrine/api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore } from './support/upload.ts';

// The browser sends the SHA-256 of its bytes with the ask; the server signs
// it as x-amz-checksum-sha256, and the store refuses any other bytes.
let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

const photo = fixtureBytes('accept/jpeg-baseline.jpg');
const sha256 = createHash('sha256').update(photo).digest('base64');

/** The same length as the photo, one byte flipped on the way. */
function damaged(bytes: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const middle = Math.floor(copy.length / 2);
  copy[middle] = (copy[middle] ?? 0) ^ 0xff;
  return copy;
}

async function ask(productId: number) {
  const [ticket] = await test.api.uploads.create.mutate({
    productId,
    files: [{ name: 'a.jpg', type: 'image/jpeg', size: photo.length, sha256 }],
  });
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

it('signs the digest as a header the browser must send', async () => {
  const product = await test.api.products.create.mutate({ name: 'Digest' });
  const ticket = await ask(product.id);

  expect(ticket.headers).toEqual({
    'Content-Type': 'image/jpeg',
    'x-amz-checksum-sha256': sha256,
  });
  expect(ticket.url).toContain('x-amz-checksum-sha256');
  expect(ticket.url).not.toContain(encodeURIComponent(sha256));
});

it('stores the bytes that match and refuses damaged ones', async () => {
  const product = await test.api.products.create.mutate({ name: 'Damage' });
  const ticket = await ask(product.id);

  const response = await fetch(ticket.url, {
    method: 'PUT',
    headers: ticket.headers,
    body: damaged(photo),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toContain('BadDigest');
  expect(await test.listKeys()).not.toContain(ticket.key);

  // Without the header the signature no longer matches.
  expect(
    await putToStore(ticket, photo, { 'Content-Type': 'image/jpeg' }),
  ).toBe(403);
  expect(await test.listKeys()).not.toContain(ticket.key);

  expect(await putToStore(ticket, photo)).toBe(200);
  const done = await test.api.uploads.complete.mutate({
    productId: product.id,
    uploadIds: [ticket.uploadId],
  });
  expect(done.images).toHaveLength(1);
});

it('signs the same digest again when the URL is renewed', async () => {
  const product = await test.api.products.create.mutate({ name: 'Renewed' });
  const first = await ask(product.id);
  const renewed = await test.api.uploads.renew.mutate({
    productId: product.id,
    uploadId: first.uploadId,
  });

  expect(renewed.headers['x-amz-checksum-sha256']).toBe(sha256);
  expect(await putToStore(renewed, damaged(photo))).toBe(400);
  expect(await putToStore(renewed, photo)).toBe(200);
});

it('refuses a digest that is not one, naming the field', async () => {
  const product = await test.api.products.create.mutate({ name: 'Bad' });
  const uploadsBefore = await test.countRows('upload');
  const asked = test.api.uploads.create.mutate({
    productId: product.id,
    files: [{ name: 'a.jpg', type: 'image/jpeg', size: 10, sha256: 'abc' }],
  });

  await expect(asked).rejects.toThrow(
    /files\[0\]\.sha256: must be the file's SHA-256 digest in base64/,
  );
  expect(await test.countRows('upload')).toBe(uploadsBefore);
});

// Decision 0013: a URL that signs the digest can only write those bytes
// again, so the image keeps the upload's key and nothing is copied.
it("keeps the upload's key, which no second PUT can change", async () => {
  const product = await test.api.products.create.mutate({ name: 'Kept' });
  const ticket = await ask(product.id);
  expect(await putToStore(ticket, photo)).toBe(200);
  const done = await test.api.uploads.complete.mutate({
    productId: product.id,
    uploadIds: [ticket.uploadId],
  });
  const image = done.images[0];

  expect(image?.url).toContain(ticket.key);
  expect(await putToStore(ticket, damaged(photo))).toBe(400);
  const served = Buffer.from(
    await (await fetch(image?.url ?? '')).arrayBuffer(),
  );
  expect(served.equals(photo)).toBe(true);
  const keys = await test.listKeys();
  expect(
    keys.filter((key) => key.startsWith(`products/${product.id}/`)),
  ).toEqual([ticket.key]);

  // Deleted, its key stays queued until the URL is over: what the URL
  // writes meanwhile is swept then.
  await test.api.images.delete.mutate({ id: image?.id ?? 0 });
  expect(await test.listKeys()).not.toContain(ticket.key);
  expect(await putToStore(ticket, photo)).toBe(200);
  await sweep(test.app.context);
  expect(await test.listKeys()).toContain(ticket.key);

  test.clock.now = new Date(Date.now() + 12 * 60 * 1000);
  try {
    await sweep(test.app.context);
  } finally {
    test.clock.now = new Date();
  }
  expect(await test.listKeys()).not.toContain(ticket.key);
});

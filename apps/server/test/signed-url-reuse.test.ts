import { sweep } from '@vitrine/api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore, uploadFiles } from './support/upload.ts';

// A pre-signed URL cannot be revoked: it writes its key until it expires.
// These guard what a second PUT to a used URL can do (found by a tester).
let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

const photo = fixtureBytes('accept/jpeg-baseline.jpg');
const script = Buffer.alloc(photo.length, ' ');
script.write('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script>');

it('cannot change the bytes of a confirmed image', async () => {
  const product = await test.api.products.create.mutate({ name: 'Reuse' });
  const { tickets, completed } = await uploadFiles(test, product.id, [
    { name: 'a.jpg', type: 'image/jpeg', bytes: photo },
  ]);
  const [ticket] = tickets;
  const [image] = completed.images;

  expect(await putToStore(ticket ?? { url: '', headers: {} }, script)).toBe(
    200,
  );

  const served = Buffer.from(
    await (await fetch(image?.url ?? '')).arrayBuffer(),
  );
  expect(served.equals(photo)).toBe(true);
  expect(image?.url).not.toContain(ticket?.key);
  await expectGoneAfterDeadline(ticket?.key ?? '', ticket?.expiresAt ?? '');
});

it('cannot leave a stray object after a refusal', async () => {
  const product = await test.api.products.create.mutate({ name: 'Refused' });
  const { tickets, completed } = await uploadFiles(test, product.id, [
    { name: 'fake.jpg', type: 'image/jpeg', bytes: script },
  ]);
  const [ticket] = tickets;
  expect(completed.failures.map((failure) => failure.code)).toEqual([
    'CONTENT_MISMATCH',
  ]);

  expect(await putToStore(ticket ?? { url: '', headers: {} }, script)).toBe(
    200,
  );

  await expectGoneAfterDeadline(ticket?.key ?? '', ticket?.expiresAt ?? '');
});

/** The key stays queued until its URL is over, and the sweeper then
 * deletes whatever was written to it. */
async function expectGoneAfterDeadline(key: string, expiresAt: string) {
  expect(await test.listKeys()).toContain(key);
  await sweep(test.app.context);
  expect(await test.listKeys()).toContain(key);

  test.clock.now = new Date(Date.parse(expiresAt) + 2 * 60 * 1000);
  try {
    await sweep(test.app.context);
  } finally {
    test.clock.now = new Date();
  }

  expect(await test.listKeys()).not.toContain(key);
  expect(await test.countRows('object_deletion')).toBe(0);
}

import { rgbaToThumbHash } from 'thumbhash';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureBytes, manifest } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore } from './support/upload.ts';

// The browser sends a ThumbHash of each photo with the confirm; the server
// checks it and keeps it for the page to show while the photo loads.
let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

const fixture = 'accept/jpeg-large.jpg';
const facts = manifest.accept.find((entry) => entry.file === fixture);
const photo = fixtureBytes(fixture);

/** A ThumbHash of a flat `w` × `h` image: well formed, with that shape. */
function thumbHashOf(w: number, h: number): string {
  const rgba = new Uint8Array(w * h * 4).fill(200);
  return Buffer.from(rgbaToThumbHash(w, h, rgba)).toString('base64');
}

async function sent(productId: number): Promise<string> {
  const [ticket] = await test.api.uploads.create.mutate({
    productId,
    files: [{ name: 'large.jpg', type: 'image/jpeg', size: photo.length }],
  });
  if (!ticket) throw new Error('no ticket');
  expect(await putToStore(ticket, photo)).toBe(200);
  return ticket.uploadId;
}

it('keeps a placeholder with the photo’s shape, and shows it', async () => {
  // 1600 × 1200: a landscape photo, and its 100 × 75 thumbnail.
  expect([facts?.width, facts?.height]).toEqual([1600, 1200]);
  const product = await test.api.products.create.mutate({ name: 'Blur' });
  const uploadId = await sent(product.id);
  const placeholder = thumbHashOf(100, 75);

  const done = await test.api.uploads.complete.mutate({
    productId: product.id,
    uploadIds: [uploadId],
    placeholders: { [uploadId]: placeholder },
  });

  expect(done.images[0]?.placeholder).toBe(placeholder);
  const shown = await test.api.products.get.query({ id: product.id });
  expect(shown.images[0]?.placeholder).toBe(placeholder);
  const listed = await test.api.products.list.query({ limit: 10 });
  const card = listed.items.find((item) => item.id === product.id);
  expect(card?.cover?.placeholder).toBe(placeholder);
});

it('makes the photo without a placeholder of another shape', async () => {
  const product = await test.api.products.create.mutate({ name: 'Turned' });
  const uploadId = await sent(product.id);

  const done = await test.api.uploads.complete.mutate({
    productId: product.id,
    uploadIds: [uploadId],
    placeholders: { [uploadId]: thumbHashOf(75, 100) },
  });

  expect(done.images).toHaveLength(1);
  expect(done.images[0]?.placeholder).toBeNull();
});

it('refuses a malformed placeholder before anything is made', async () => {
  const product = await test.api.products.create.mutate({ name: 'Bad' });
  const uploadId = await sent(product.id);
  const bytes = Buffer.from(thumbHashOf(100, 75), 'base64');
  const cut = bytes.subarray(0, bytes.length - 2).toString('base64');

  const confirm = (placeholders: Record<string, string>) =>
    test.api.uploads.complete.mutate({
      productId: product.id,
      uploadIds: [uploadId],
      placeholders,
    });

  await expect(confirm({ [uploadId]: cut })).rejects.toThrow(
    /placeholders\.[\w-]+: is not a well-formed ThumbHash: its header calls for/,
  );
  await expect(confirm({ other: thumbHashOf(100, 75) })).rejects.toThrow(
    /placeholders: names an upload id that is not in uploadIds/,
  );
  const shown = await test.api.products.get.query({ id: product.id });
  expect(shown.images).toEqual([]);
  // Still waiting: a corrected confirm makes the photo.
  const done = await confirm({ [uploadId]: thumbHashOf(100, 75) });
  expect(done.images).toHaveLength(1);
});

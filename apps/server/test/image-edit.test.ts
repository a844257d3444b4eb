import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { refusal } from './support/refusal.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

const photo = fixtureBytes('accept/photo-landscape-exif1.jpg');

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

/** A product with photos named as given, in that order. */
async function productWith(...names: string[]) {
  const product = await test.api.products.create.mutate({ name: 'Gallery' });
  const { completed } = await uploadFiles(
    test,
    product.id,
    names.map((name) => ({ name, type: 'image/jpeg', bytes: photo })),
  );
  const ids = Object.fromEntries(
    completed.images.map((image) => [image.originalName, image.id]),
  );

  return { product, id: (name: string) => ids[name] ?? 0 };
}

async function order(productId: number) {
  const stored = await test.api.products.get.query({ id: productId });
  return stored.images.map((image) => [image.originalName, image.position]);
}

describe('reordering photos', () => {
  it('stores the order given, the first as cover', async () => {
    const { product, id } = await productWith('a', 'b', 'c');

    const result = await test.api.images.reorder.mutate({
      productId: product.id,
      imageIds: [id('c'), id('a'), id('b')],
    });

    const expected = [
      ['c', 0],
      ['a', 1],
      ['b', 2],
    ];
    expect(
      result.images.map((image) => [image.originalName, image.position]),
    ).toEqual(expected);
    expect(await order(product.id)).toEqual(expected);
  });

  it('refuses a list that misses or adds a photo', async () => {
    const { product, id } = await productWith('a', 'b');
    const { id: otherId } = await productWith('x');

    for (const imageIds of [[id('a')], [id('a'), otherId('x')]]) {
      const error = await refusal(
        test.api.images.reorder.mutate({ productId: product.id, imageIds }),
      );
      expect(error.data?.code).toBe('CONFLICT');
      expect(error.message).toMatch(/^imageIds: product \d+ has 2 photo\(s\)/);
    }
    expect(await order(product.id)).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('names the field of a repeated id', async () => {
    const { product, id } = await productWith('a', 'b');
    const error = await refusal(
      test.api.images.reorder.mutate({
        productId: product.id,
        imageIds: [id('a'), id('a')],
      }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('imageIds: must not repeat an id');
  });
});

describe('choosing the cover', () => {
  it('moves the photo first and keeps the others in order', async () => {
    const { product, id } = await productWith('a', 'b', 'c', 'd');

    await test.api.images.setCover.mutate({ id: id('c') });

    expect(await order(product.id)).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 2],
      ['d', 3],
    ]);
    const listed = await test.api.products.list.query({ limit: 100 });
    const row = listed.items.find((item) => item.id === product.id);
    const stored = await test.api.products.get.query({ id: product.id });
    expect(row?.cover?.url).toBe(stored.images[0]?.url);
  });

  it('answers NOT_FOUND for a photo that does not exist', async () => {
    const error = await refusal(
      test.api.images.setCover.mutate({ id: 555_555 }),
    );
    expect(error.data?.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      'There is no photo with id 555555; it may have been deleted.',
    );
  });
});

describe('alt text', () => {
  it('is trimmed and kept', async () => {
    const { product, id } = await productWith('a');

    const result = await test.api.images.updateAlt.mutate({
      id: id('a'),
      alt: '  A brass lamp on an oak desk  ',
    });

    expect(result.images[0]?.alt).toBe('A brass lamp on an oak desk');
    const stored = await test.api.products.get.query({ id: product.id });
    expect(stored.images[0]?.alt).toBe('A brass lamp on an oak desk');
  });

  it('refuses more than 500 characters, naming the field', async () => {
    const { id } = await productWith('a');
    const error = await refusal(
      test.api.images.updateAlt.mutate({ id: id('a'), alt: 'x'.repeat(501) }),
    );
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('alt: must be at most 500 characters');
  });
});

describe('deleting a photo', () => {
  it('removes its object, then its row, and closes the gap', async () => {
    const { product, id } = await productWith('a', 'b', 'c');
    const before = await test.listKeys();
    const stored = await test.api.products.get.query({ id: product.id });
    const coverUrl = stored.images[0]?.url ?? '';
    const coverKey = before.find((key) => coverUrl.endsWith(key));
    expect(coverKey).toBeDefined();

    const result = await test.api.images.delete.mutate({ id: id('a') });

    expect(
      result.images.map((image) => [image.originalName, image.position]),
    ).toEqual([
      ['b', 0],
      ['c', 1],
    ]);
    expect(await test.listKeys()).not.toContain(coverKey);
    expect((await fetch(coverUrl)).status).toBe(404);
  });

  it('frees a place under the cap', async () => {
    const { product, id } = await productWith('1', '2', '3', '4', '5');
    const ask = () =>
      test.api.uploads.create.mutate({
        productId: product.id,
        files: [{ name: '6.jpg', type: 'image/jpeg', size: photo.length }],
      });
    expect((await refusal(ask())).data?.code).toBe('CONFLICT');

    await test.api.images.delete.mutate({ id: id('3') });

    expect(await ask()).toHaveLength(1);
  });

  it('answers NOT_FOUND the second time', async () => {
    const { id } = await productWith('a');
    await test.api.images.delete.mutate({ id: id('a') });

    const error = await refusal(test.api.images.delete.mutate({ id: id('a') }));
    expect(error.data?.code).toBe('NOT_FOUND');
  });
});

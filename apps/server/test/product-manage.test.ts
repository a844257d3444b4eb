import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { refusal } from './support/refusal.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

const photo = fixtureBytes('accept/photo-landscape-exif1.jpg');
const photoFile = (name: string) => ({
  name,
  type: 'image/jpeg',
  bytes: photo,
});

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

async function keysOf(productId: number): Promise<string[]> {
  const keys = await test.listKeys();
  return keys.filter((key) => key.startsWith(`products/${productId}/`));
}

describe('renaming a product', () => {
  it('trims the new name and keeps it', async () => {
    const product = await test.api.products.create.mutate({ name: 'Lamp' });

    const renamed = await test.api.products.rename.mutate({
      id: product.id,
      name: '  Desk lamp  ',
    });

    expect(renamed).toMatchObject({ id: product.id, name: 'Desk lamp' });
    const stored = await test.api.products.get.query({ id: product.id });
    expect(stored.name).toBe('Desk lamp');
  });

  it.each([
    ['an empty name', '  ', 'name: must not be empty'],
    ['a long name', 'x'.repeat(201), 'name: must be at most 200 characters'],
  ])('refuses %s, naming the field', async (_, name, message) => {
    const product = await test.api.products.create.mutate({ name: 'Keep' });

    const error = await refusal(
      test.api.products.rename.mutate({ id: product.id, name }),
    );

    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(message);
    const stored = await test.api.products.get.query({ id: product.id });
    expect(stored.name).toBe('Keep');
  });

  it('answers NOT_FOUND for a product that does not exist', async () => {
    const error = await refusal(
      test.api.products.rename.mutate({ id: 987_654, name: 'Ghost' }),
    );
    expect(error.data?.code).toBe('NOT_FOUND');
    expect(error.message).toBe('There is no product with id 987654.');
  });
});

describe('deleting a product', () => {
  it('removes its photos and pending uploads from the bucket', async () => {
    const product = await test.api.products.create.mutate({ name: 'Gone' });
    const other = await test.api.products.create.mutate({ name: 'Stays' });
    await uploadFiles(test, product.id, [
      photoFile('a.jpg'),
      photoFile('b.jpg'),
    ]);
    await uploadFiles(test, other.id, [photoFile('c.jpg')]);
    const [pending] = await test.api.uploads.create.mutate({
      productId: product.id,
      files: [{ name: 'late.jpg', type: 'image/jpeg', size: photo.length }],
    });
    if (!pending) throw new Error('no ticket');
    await fetch(pending.url, {
      method: 'PUT',
      headers: pending.headers,
      body: photo,
    });
    expect(await keysOf(product.id)).toHaveLength(3);

    const deleted = await test.api.products.delete.mutate({ id: product.id });

    expect(deleted).toEqual({ id: product.id, deletedObjects: 3 });
    expect(await keysOf(product.id)).toEqual([]);
    expect(await keysOf(other.id)).toHaveLength(1);
    const images = await test.app.db
      .selectFrom('image')
      .select('id')
      .where('product_id', '=', product.id)
      .execute();
    const uploads = await test.app.db
      .selectFrom('upload')
      .select('id')
      .where('product_id', '=', product.id)
      .execute();
    expect([...images, ...uploads]).toEqual([]);
    const error = await refusal(
      test.api.products.get.query({ id: product.id }),
    );
    expect(error.data?.code).toBe('NOT_FOUND');
  });

  it('deletes a product with no photos', async () => {
    const product = await test.api.products.create.mutate({ name: 'Empty' });
    const deleted = await test.api.products.delete.mutate({ id: product.id });
    expect(deleted).toEqual({ id: product.id, deletedObjects: 0 });
  });

  it('answers NOT_FOUND the second time', async () => {
    const product = await test.api.products.create.mutate({ name: 'Twice' });
    await test.api.products.delete.mutate({ id: product.id });

    const error = await refusal(
      test.api.products.delete.mutate({ id: product.id }),
    );
    expect(error.data?.code).toBe('NOT_FOUND');
  });

  it('names the field of a malformed id', async () => {
    const error = await refusal(test.api.products.delete.mutate({ id: -3 }));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toBe('id: must be positive');
  });
});

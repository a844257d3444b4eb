import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { refusal } from './support/refusal.ts';
import { seedProducts } from './support/seed-products.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

const productCount = 10_000;
const photo = fixtureBytes('accept/photo-landscape-exif1.jpg');

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedProducts(test, productCount);
});
afterAll(() => test?.close());

describe('the product list with 10,000 products', () => {
  it('pages through every product once, newest first', async () => {
    const seen: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await test.api.products.list.query({ limit: 100, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);

    expect(seen).toHaveLength(productCount);
    expect(new Set(seen).size).toBe(productCount);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('finds names by any part, in any case, across pages', async () => {
    const names: string[] = [];
    let cursor: number | undefined;
    do {
      const page = await test.api.products.list.query({
        search: '  bRaSs lAMP ',
        limit: 10,
        cursor,
      });
      names.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);

    expect(names).toHaveLength(productCount / 400);
    expect(names.every((name) => name.startsWith('Brass Lamp'))).toBe(true);
  });

  it('reads % and _ in a search as themselves', async () => {
    const odd = await test.api.products.create.mutate({ name: '50% off_x' });

    const percent = await test.api.products.list.query({ search: '50%' });
    const underscore = await test.api.products.list.query({ search: 'f_x' });
    const wildcardOnly = await test.api.products.list.query({ search: '%' });

    expect(percent.items.map((item) => item.id)).toEqual([odd.id]);
    expect(underscore.items.map((item) => item.id)).toEqual([odd.id]);
    expect(wildcardOnly.items.map((item) => item.id)).toEqual([odd.id]);
  });

  it('gives each row its cover and its photo count', async () => {
    const product = await test.api.products.create.mutate({ name: 'Shown' });
    const file = (name: string) => ({ name, type: 'image/jpeg', bytes: photo });
    await uploadFiles(test, product.id, [file('a.jpg'), file('b.jpg')]);

    const page = await test.api.products.list.query({ search: 'Shown' });

    expect(page.items).toEqual([
      expect.objectContaining({
        id: product.id,
        imageCount: 2,
        cover: expect.objectContaining({ width: 1800, height: 1200 }),
      }),
    ]);
  });

  it('answers nothing, not an error, when no name matches', async () => {
    const page = await test.api.products.list.query({ search: 'teapot' });
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it('names the field of a bad search or limit', async () => {
    const long = await refusal(
      test.api.products.list.query({ search: 'x'.repeat(201) }),
    );
    const limit = await refusal(test.api.products.list.query({ limit: 500 }));

    expect(long.data?.httpStatus).toBe(400);
    expect(long.message).toBe('search: must be at most 200 characters');
    expect(limit.message).toBe('limit: must be at most 100');
  });
});

import type { TestApp } from './test-app.ts';

/**
 * Adds `count` products in batches. Every 100th is a lamp, one in four of
 * those a brass one, so that searches have something to find.
 */
export async function seedProducts(test: TestApp, count: number) {
  const at = new Date().toISOString();
  const rows = Array.from({ length: count }, (_, index) => ({
    name:
      index % 100 === 0
        ? `${index % 400 === 0 ? 'Brass' : 'Paper'} Lamp ${index}`
        : `Item ${index}`,
    created_at: at,
    updated_at: at,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await test.app.db
      .insertInto('product')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

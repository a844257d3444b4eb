import type { Kysely } from 'kysely';
import type { Database } from '../../packages/api/src/index.ts';

const batchSize = 500;

/**
 * Inserts `count` products in one transaction and returns the range of
 * their ids: a load test gives each request a product of its own, since a
 * product takes only five images.
 */
export async function seedProducts(
  db: Kysely<Database>,
  count: number,
): Promise<{ first: number; last: number }> {
  const now = new Date().toISOString();
  const ids: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (let done = 0; done < count; done += batchSize) {
      const rows = Array.from(
        { length: Math.min(batchSize, count - done) },
        (_, index) => ({
          name: `Bench product ${done + index + 1}`,
          created_at: now,
          updated_at: now,
        }),
      );
      const inserted = await trx
        .insertInto('product')
        .values(rows)
        .returning('id')
        .execute();
      ids.push(...inserted.map((row) => row.id));
    }
  });
  const first = ids[0] ?? 0;
  const last = ids.at(-1) ?? 0;
  if (last - first + 1 !== count) throw new Error('product ids have gaps');

  return { first, last };
}

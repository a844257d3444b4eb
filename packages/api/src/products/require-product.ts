import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { productNotFound } from '../errors.ts';

/** Refuses, naming the id, when there is no such product. */
export async function requireProduct(
  db: Kysely<Database>,
  productId: number,
): Promise<void> {
  const product = await db
    .selectFrom('product')
    .select('id')
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!product) throw productNotFound(productId);
}

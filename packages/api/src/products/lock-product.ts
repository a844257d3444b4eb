import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { productNotFound } from '../errors.ts';

/**
 * Writes to the product row first, so that two transactions on the same
 * product run one after the other: SQLite allows one writer at a time, and
 * PostgreSQL holds the row lock until commit. Whatever the transaction
 * counts next includes everything the other one wrote.
 */
export async function lockProduct(
  trx: Kysely<Database>,
  productId: number,
  now: Date,
): Promise<void> {
  const result = await trx
    .updateTable('product')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', productId)
    .executeTakeFirst();

  if (result.numUpdatedRows === 0n) throw productNotFound(productId);
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Numbers a product's photos 0, 1, 2… in the order given, so that the
 * first is the cover and no gap is left after a delete.
 */
export async function writePositions(
  trx: Kysely<Database>,
  productId: number,
  orderedIds: readonly number[],
): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await trx
      .updateTable('image')
      .set({ position })
      .where('id', '=', id)
      .where('product_id', '=', productId)
      .execute();
  }
}

/** The product's photo ids in gallery order. */
export async function imageIdsInOrder(
  trx: Kysely<Database>,
  productId: number,
): Promise<number[]> {
  const rows = await trx
    .selectFrom('image')
    .select('id')
    .where('product_id', '=', productId)
    .orderBy('position')
    .orderBy('id')
    .execute();

  return rows.map((row) => row.id);
}

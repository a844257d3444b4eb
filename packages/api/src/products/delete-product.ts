import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { deleteObjects } from '../delete-objects.ts';
import { productNotFound } from '../errors.ts';
import { lockProduct } from './lock-product.ts';

export interface DeletedProduct {
  id: number;
  /** How many objects (photos and pending uploads) left the bucket. */
  deletedObjects: number;
}

/** A photo confirmed in between is caught by the next round. */
const maxRounds = 3;

/**
 * Deletes a product, its photos and its pending uploads: the objects leave
 * the bucket first, then the rows go in one transaction. That transaction
 * checks that no object appeared meanwhile (a confirm racing the delete);
 * if one did, the round starts again with the new objects.
 */
export async function deleteProduct(
  ctx: Context,
  id: number,
): Promise<DeletedProduct> {
  const deleted = new Set<string>();

  for (let round = 0; round < maxRounds; round += 1) {
    const keys = await objectKeysOf(ctx.db, id);
    const fresh = keys.filter((key) => !deleted.has(key));
    await deleteObjects(ctx, fresh, describe(fresh.length));
    for (const key of fresh) deleted.add(key);

    const done = await ctx.db.transaction().execute(async (trx) => {
      await lockProduct(trx, id, ctx.now());
      const now = await objectKeysOf(trx, id);
      if (now.some((key) => !deleted.has(key))) return false;

      // Image and upload rows go with it: their foreign keys cascade.
      await trx.deleteFrom('product').where('id', '=', id).execute();
      return true;
    });
    if (done) return { id, deletedObjects: deleted.size };
  }

  throw new TRPCError({
    code: 'CONFLICT',
    message:
      `Product ${id} kept getting new photos while it was being deleted; ` +
      'wait for its uploads to finish and delete it again.',
  });
}

async function objectKeysOf(
  db: Kysely<Database>,
  productId: number,
): Promise<string[]> {
  const product = await db
    .selectFrom('product')
    .select('id')
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!product) throw productNotFound(productId);

  const [images, uploads] = await Promise.all([
    db
      .selectFrom('image')
      .select('object_key')
      .where('product_id', '=', productId)
      .execute(),
    db
      .selectFrom('upload')
      .select('object_key')
      .where('product_id', '=', productId)
      .execute(),
  ]);

  return [...images, ...uploads].map((row) => row.object_key);
}

function describe(count: number): string {
  return count === 1 ? "the product's photo" : `the product's ${count} photos`;
}

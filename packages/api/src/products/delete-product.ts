import type { Context } from '../context.ts';
import {
  deleteQueuedObjects,
  queueObjectDeletion,
} from '../objects/object-deletion.ts';
import { imageKeyDeadline, uploadDeadline } from '../uploads/live-uploads.ts';
import { lockProduct } from './lock-product.ts';

export interface DeletedProduct {
  id: number;
  /**
   * How many objects (photos and pending uploads) left the bucket now; any
   * others the store could not delete are queued for the sweeper.
   */
  deletedObjects: number;
}

/**
 * Deletes a product with its photos and pending uploads. In one
 * transaction the rows go and every object is queued for deletion, so a
 * confirm racing the delete either finishes first or finds no product.
 * A pending upload's key stays queued until its signed URL expires, since
 * the browser may still PUT to it.
 */
export async function deleteProduct(
  ctx: Context,
  id: number,
): Promise<DeletedProduct> {
  const now = ctx.now();

  const keys = await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, id, now);
    const [images, uploads] = await Promise.all([
      trx
        .selectFrom('image')
        .select(['object_key', 'created_at'])
        .where('product_id', '=', id)
        .execute(),
      trx
        .selectFrom('upload')
        .select(['object_key', 'expires_at'])
        .where('product_id', '=', id)
        .execute(),
    ]);
    const queued = [
      ...images.map((image) => ({
        key: image.object_key,
        notBefore: imageKeyDeadline(image.created_at, ctx.limits),
      })),
      ...uploads.map((upload) => ({
        key: upload.object_key,
        notBefore: uploadDeadline(upload.expires_at, ctx.limits),
      })),
    ];
    await queueObjectDeletion(trx, queued, now);
    // Image and upload rows go with it: their foreign keys cascade.
    await trx.deleteFrom('product').where('id', '=', id).execute();

    return queued.map((entry) => entry.key);
  });
  const outcome = await deleteQueuedObjects(ctx, keys);

  return { id, deletedObjects: outcome.deleted };
}

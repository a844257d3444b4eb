import type { Context } from '../context.ts';
import {
  deleteQueuedObjects,
  queueObjectDeletion,
} from '../objects/object-deletion.ts';
import { getProduct, type ProductWithImages } from '../products/get-product.ts';
import { lockProduct } from '../products/lock-product.ts';
import { imageKeyDeadline } from '../uploads/live-uploads.ts';
import { findImage } from './find-image.ts';
import { imageIdsInOrder, writePositions } from './write-positions.ts';

/**
 * Deletes a photo: its row goes and its object is queued for deletion in
 * one transaction, then deleted (or later, by the sweeper, when the store
 * is down). The photos behind it move up; the next becomes the cover.
 */
export async function deleteImage(
  ctx: Context,
  id: number,
): Promise<ProductWithImages> {
  const image = await findImage(ctx, id);
  const productId = image.product_id;
  const now = ctx.now();

  await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, productId, now);
    await trx.deleteFrom('image').where('id', '=', id).execute();
    const notBefore = imageKeyDeadline(image.created_at, ctx.limits);
    await queueObjectDeletion(trx, [{ key: image.object_key, notBefore }], now);
    await writePositions(trx, productId, await imageIdsInOrder(trx, productId));
  });
  await deleteQueuedObjects(ctx, [image.object_key]);

  return getProduct(ctx, productId);
}

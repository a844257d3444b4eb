import type { Context } from '../context.ts';
import { deleteObjects } from '../delete-objects.ts';
import { getProduct, type ProductWithImages } from '../products/get-product.ts';
import { lockProduct } from '../products/lock-product.ts';
import { findImage } from './find-image.ts';
import { imageIdsInOrder, writePositions } from './write-positions.ts';

/**
 * Deletes a photo: its object first, then its row, and the photos behind
 * it move up (the next one becomes the cover when the cover goes).
 */
export async function deleteImage(
  ctx: Context,
  id: number,
): Promise<ProductWithImages> {
  const image = await findImage(ctx, id);
  const productId = image.product_id;
  await deleteObjects(ctx, [image.object_key], `photo ${id}`);

  await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, productId, ctx.now());
    await trx.deleteFrom('image').where('id', '=', id).execute();
    await writePositions(trx, productId, await imageIdsInOrder(trx, productId));
  });

  return getProduct(ctx, productId);
}

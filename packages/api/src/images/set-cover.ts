import type { Context } from '../context.ts';
import { imageNotFound } from '../errors.ts';
import { getProduct, type ProductWithImages } from '../products/get-product.ts';
import { lockProduct } from '../products/lock-product.ts';
import { findImage } from './find-image.ts';
import { imageIdsInOrder, writePositions } from './write-positions.ts';

/**
 * Makes a photo its product's cover: it moves to the front and the others
 * keep their order behind it.
 */
export async function setCover(
  ctx: Context,
  id: number,
): Promise<ProductWithImages> {
  const { product_id: productId } = await findImage(ctx, id);

  await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, productId, ctx.now());
    const current = await imageIdsInOrder(trx, productId);
    // Deleted since it was found: say so rather than leave a gap at 0.
    if (!current.includes(id)) throw imageNotFound(id);

    const rest = current.filter((other) => other !== id);
    await writePositions(trx, productId, [id, ...rest]);
  });

  return getProduct(ctx, productId);
}

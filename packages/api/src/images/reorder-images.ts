import { TRPCError } from '@trpc/server';
import type { Context } from '../context.ts';
import { getProduct, type ProductWithImages } from '../products/get-product.ts';
import { lockProduct } from '../products/lock-product.ts';
import { imageIdsInOrder, writePositions } from './write-positions.ts';

/**
 * Puts a product's photos in the order given. The list must hold every
 * photo of the product exactly once: a page that missed a photo added or
 * deleted elsewhere is told to reload rather than guess.
 */
export async function reorderImages(
  ctx: Context,
  productId: number,
  imageIds: number[],
): Promise<ProductWithImages> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, productId, ctx.now());
    const current = await imageIdsInOrder(trx, productId);
    const same =
      current.length === imageIds.length &&
      imageIds.every((id) => current.includes(id));
    if (!same) {
      throw new TRPCError({
        code: 'CONFLICT',
        message:
          `imageIds: product ${productId} has ${current.length} photo(s) ` +
          `with other ids than the ${imageIds.length} given; its photos ` +
          'changed since the page loaded. Reload and reorder again.',
      });
    }

    await writePositions(trx, productId, imageIds);
  });

  return getProduct(ctx, productId);
}

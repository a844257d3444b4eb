import type { Context } from '../context.ts';
import { imageNotFound } from '../errors.ts';
import { getProduct, type ProductWithImages } from '../products/get-product.ts';

/** Sets a photo's alt text; empty means the photo is not described yet. */
export async function updateAlt(
  ctx: Context,
  id: number,
  alt: string,
): Promise<ProductWithImages> {
  const row = await ctx.db
    .updateTable('image')
    .set({ alt })
    .where('id', '=', id)
    .returning('product_id')
    .executeTakeFirst();
  if (!row) throw imageNotFound(id);

  return getProduct(ctx, row.product_id);
}

import type { Context } from '../context.ts';
import { productNotFound } from '../errors.ts';
import {
  type ImageView,
  type ProductView,
  viewImage,
  viewProduct,
} from './view.ts';

export interface ProductWithImages extends ProductView {
  images: ImageView[];
}

/** A product with its images in gallery order, the cover first. */
export async function getProduct(
  ctx: Context,
  id: number,
): Promise<ProductWithImages> {
  const product = await ctx.db
    .selectFrom('product')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!product) throw productNotFound(id);

  const images = await ctx.db
    .selectFrom('image')
    .selectAll()
    .where('product_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();

  return {
    ...viewProduct(product),
    images: await Promise.all(images.map((row) => viewImage(ctx.store, row))),
  };
}

import type { Context } from '../context.ts';
import { nameContains } from './name-pattern.ts';
import { type ImageView, type ProductView, viewProduct } from './view.ts';

export interface ProductSummary extends ProductView {
  imageCount: number;
  cover: Pick<
    ImageView,
    'url' | 'width' | 'height' | 'alt' | 'placeholder'
  > | null;
}

export interface ProductPage {
  items: ProductSummary[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: number | null;
}

export interface ProductPageRequest {
  cursor?: number | undefined;
  limit: number;
  search?: string | undefined;
}

/**
 * A page of products, newest first, each with its count and cover. Two
 * queries whatever the page size: the page walks the primary key from the
 * cursor, and the images of its products come through their index.
 */
export async function listProducts(
  ctx: Context,
  page: ProductPageRequest,
): Promise<ProductPage> {
  let query = ctx.db
    .selectFrom('product')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor !== undefined) query = query.where('id', '<', page.cursor);
  if (page.search) query = query.where(nameContains(page.search));
  const rows = await query.execute();

  const hasMore = rows.length > page.limit;
  const products = hasMore ? rows.slice(0, page.limit) : rows;
  const images = await imagesOf(
    ctx,
    products.map((product) => product.id),
  );

  const items = await Promise.all(
    products.map(async (product) => {
      const own = images.filter((image) => image.product_id === product.id);
      const first = own[0];
      const cover = first
        ? {
            url: await ctx.store.urlFor(first.object_key),
            width: first.width,
            height: first.height,
            alt: first.alt,
            placeholder: first.placeholder,
          }
        : null;

      return { ...viewProduct(product), imageCount: own.length, cover };
    }),
  );

  return { items, nextCursor: hasMore ? (products.at(-1)?.id ?? null) : null };
}

function imagesOf(ctx: Context, productIds: number[]) {
  if (productIds.length === 0) return Promise.resolve([]);

  return ctx.db
    .selectFrom('image')
    .select([
      'product_id',
      'object_key',
      'width',
      'height',
      'alt',
      'placeholder',
    ])
    .where('product_id', 'in', productIds)
    .orderBy('product_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

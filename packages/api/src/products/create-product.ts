import type { Context } from '../context.ts';
import { type ProductView, viewProduct } from './view.ts';

export async function createProduct(
  ctx: Context,
  name: string,
): Promise<ProductView> {
  const now = ctx.now().toISOString();
  const row = await ctx.db
    .insertInto('product')
    .values({ name, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();

  return viewProduct(row);
}

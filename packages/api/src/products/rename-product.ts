import type { Context } from '../context.ts';
import { productNotFound } from '../errors.ts';
import { type ProductView, viewProduct } from './view.ts';

export async function renameProduct(
  ctx: Context,
  id: number,
  name: string,
): Promise<ProductView> {
  const row = await ctx.db
    .updateTable('product')
    .set({ name, updated_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw productNotFound(id);

  return viewProduct(row);
}

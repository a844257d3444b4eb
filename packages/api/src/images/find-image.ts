import type { Context } from '../context.ts';
import type { ImageRow } from '../db/schema.ts';
import { imageNotFound } from '../errors.ts';

/** The photo's row, or a NOT_FOUND that names its id. */
export async function findImage(ctx: Context, id: number): Promise<ImageRow> {
  const image = await ctx.db
    .selectFrom('image')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!image) throw imageNotFound(id);

  return image;
}

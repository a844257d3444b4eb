import type { Context } from '../context.ts';
import { deleteObjects } from '../delete-objects.ts';

/**
 * Gives up uploads that will not be sent or confirmed, so that their places
 * under the product's cap are free at once instead of after they expire.
 * Whatever arrived in the bucket goes first, then the rows. Ids that are
 * unknown, already confirmed or another product's are left alone.
 */
export async function cancelUploads(
  ctx: Context,
  productId: number,
  uploadIds: string[],
): Promise<{ cancelled: number }> {
  const uploads = await ctx.db
    .selectFrom('upload')
    .select(['id', 'object_key'])
    .where('product_id', '=', productId)
    .where('id', 'in', uploadIds)
    .execute();
  if (uploads.length === 0) return { cancelled: 0 };

  await deleteObjects(
    ctx,
    uploads.map((upload) => upload.object_key),
    uploads.length === 1 ? 'the cancelled file' : 'the cancelled files',
  );
  const result = await ctx.db
    .deleteFrom('upload')
    .where(
      'id',
      'in',
      uploads.map((upload) => upload.id),
    )
    .executeTakeFirst();

  return { cancelled: Number(result.numDeletedRows) };
}

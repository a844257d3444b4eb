import type { Context } from '../context.ts';
import { discardUploads } from './discard-upload.ts';

/**
 * Gives up uploads that will not be sent or confirmed, so that their places
 * under the product's cap are free at once instead of after they expire.
 * Their rows go and their objects are queued for deletion. Ids that are
 * unknown, already confirmed or another product's are left alone.
 */
export async function cancelUploads(
  ctx: Context,
  productId: number,
  uploadIds: string[],
): Promise<{ cancelled: number }> {
  const uploads = await ctx.db
    .selectFrom('upload')
    .select(['id', 'object_key', 'expires_at'])
    .where('product_id', '=', productId)
    .where('id', 'in', uploadIds)
    .execute();
  await discardUploads(ctx, uploads);

  return { cancelled: uploads.length };
}

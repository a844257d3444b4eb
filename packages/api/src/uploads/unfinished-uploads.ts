import type { Context } from '../context.ts';
import { requireProduct } from '../products/require-product.ts';
import { liveUploadCutoff, uploadDeadline } from './live-uploads.ts';

/** An upload that holds one of a product's places until it ends. */
export interface UnfinishedUpload {
  uploadId: string;
  /** The file's name, as the browser gave it. */
  name: string;
  startedAt: string;
  /** How long until its place comes back by itself, in whole seconds. */
  releasedInSeconds: number;
}

/**
 * A product's uploads that were signed and are not yet images: those of
 * the page asking, and any left unfinished in another tab or before a
 * reload. The page tells its own apart by their ids, and can cancel the
 * others to free their places at once.
 */
export async function listUnfinishedUploads(
  ctx: Context,
  productId: number,
): Promise<UnfinishedUpload[]> {
  await requireProduct(ctx.db, productId);

  const now = ctx.now();
  const rows = await ctx.db
    .selectFrom('upload')
    .select(['id', 'original_name', 'created_at', 'expires_at'])
    .where('product_id', '=', productId)
    .where('expires_at', '>', liveUploadCutoff(now, ctx.limits))
    // Files asked for together share their start: by name among them,
    // so the list reads the same each time (ids are random).
    .orderBy('created_at')
    .orderBy('original_name')
    .orderBy('id')
    .execute();

  return rows.map((row) => ({
    uploadId: row.id,
    name: row.original_name,
    startedAt: row.created_at,
    releasedInSeconds: Math.ceil(
      (uploadDeadline(row.expires_at, ctx.limits).getTime() - now.getTime()) /
        1000,
    ),
  }));
}

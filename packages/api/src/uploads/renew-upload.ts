import { TRPCError } from '@trpc/server';
import type { Context } from '../context.ts';
import { liveUploadCutoff } from './live-uploads.ts';
import { signTicket, type UploadTicket } from './upload-ticket.ts';

/**
 * Signs a fresh URL for an upload whose URL expired (or is about to)
 * before its file was sent: same object key, type and size, a new expiry.
 * Only a live upload is renewed. The sweeper only takes uploads that are
 * no longer live, so it can never delete one that was just renewed.
 */
export async function renewUpload(
  ctx: Context,
  productId: number,
  uploadId: string,
): Promise<UploadTicket> {
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.limits.urlTtlSeconds * 1000);

  const row = await ctx.db
    .updateTable('upload')
    .set({ expires_at: expiresAt.toISOString() })
    .where('id', '=', uploadId)
    .where('product_id', '=', productId)
    .where('expires_at', '>', liveUploadCutoff(now, ctx.limits))
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message:
        `uploadId: no upload ${uploadId} is waiting for product ` +
        `${productId}; it was confirmed, cancelled or expired long ago. ` +
        'Choose the file again.',
    });
  }

  return signTicket(ctx, row, now);
}

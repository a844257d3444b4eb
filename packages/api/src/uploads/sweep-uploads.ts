import type { Context } from '../context.ts';
import { discardUpload } from './discard-upload.ts';
import { liveUploadCutoff } from './live-uploads.ts';

/** How many expired uploads one sweep handles; the next sweep takes more. */
const sweepBatchSize = 500;

/**
 * Deletes uploads that were never confirmed: their objects first, then
 * their rows. Returns how many were swept.
 */
export async function sweepExpiredUploads(ctx: Context): Promise<number> {
  const cutoff = liveUploadCutoff(ctx.now(), ctx.limits);
  let swept = 0;

  for (;;) {
    const expired = await ctx.db
      .selectFrom('upload')
      .select(['id', 'object_key'])
      .where('expires_at', '<=', cutoff)
      .orderBy('expires_at')
      .limit(sweepBatchSize)
      .execute();
    await discardUpload(ctx, ...expired);
    swept += expired.length;

    if (expired.length < sweepBatchSize) return swept;
  }
}

import type { Context } from '../context.ts';
import {
  type DeletionOutcome,
  deleteQueuedObjects,
} from '../objects/object-deletion.ts';
import { discardUploads } from './discard-upload.ts';
import { liveUploadCutoff } from './live-uploads.ts';

/** How many expired uploads one pass handles. */
const sweepBatchSize = 500;

export interface SweepOutcome {
  /** Expired uploads forgotten. */
  uploads: number;
  /** Objects deleted from the store, and those it failed to delete. */
  objects: DeletionOutcome;
}

/**
 * Forgets uploads that were never confirmed, then deletes every object
 * still queued for deletion, including those a store outage left behind.
 */
export async function sweep(ctx: Context): Promise<SweepOutcome> {
  const cutoff = liveUploadCutoff(ctx.now(), ctx.limits);
  let uploads = 0;

  for (;;) {
    const expired = await ctx.db
      .selectFrom('upload')
      .select(['id', 'object_key', 'expires_at'])
      .where('expires_at', '<=', cutoff)
      .orderBy('expires_at')
      .limit(sweepBatchSize)
      .execute();
    await discardUploads(ctx, expired, { later: true });
    uploads += expired.length;

    if (expired.length < sweepBatchSize) break;
  }

  return { uploads, objects: await deleteQueuedObjects(ctx) };
}

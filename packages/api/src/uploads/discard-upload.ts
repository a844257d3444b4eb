import type { Context } from '../context.ts';
import type { UploadRow } from '../db/schema.ts';
import {
  type DeletionOutcome,
  deleteQueuedObjects,
  queueObjectDeletion,
} from '../objects/object-deletion.ts';
import { uploadDeadline } from './live-uploads.ts';

/**
 * Forgets uploads that will never become images: their rows go and their
 * objects are queued for deletion in one transaction, then deleted unless
 * `later` (the sweeper deletes the whole queue in one pass). Each key stays
 * queued until its signed URL can no longer write it.
 */
export async function discardUploads(
  ctx: Context,
  uploads: Pick<UploadRow, 'id' | 'object_key' | 'expires_at'>[],
  options: { later?: boolean } = {},
): Promise<DeletionOutcome> {
  const none = { deleted: 0, failed: 0 };
  if (uploads.length === 0) return none;

  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('upload')
      .where(
        'id',
        'in',
        uploads.map((upload) => upload.id),
      )
      .execute();
    await queueObjectDeletion(
      trx,
      uploads.map((upload) => ({
        key: upload.object_key,
        notBefore: uploadDeadline(upload.expires_at, ctx.limits),
      })),
      ctx.now(),
    );
  });
  if (options.later) return none;

  return deleteQueuedObjects(
    ctx,
    uploads.map((upload) => upload.object_key),
  );
}

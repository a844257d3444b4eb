import type { Context } from '../context.ts';
import type { UploadRow } from '../db/schema.ts';
import {
  type DeletionOutcome,
  deleteQueuedObjects,
  queueObjectDeletion,
} from '../objects/object-deletion.ts';

/**
 * Forgets uploads that will never become images: their rows go and their
 * objects are queued for deletion in one transaction, then deleted unless
 * `later` (the sweeper deletes the whole queue in one pass). When the store
 * fails, the queue keeps the keys and the sweeper retries.
 */
export async function discardUploads(
  ctx: Context,
  uploads: Pick<UploadRow, 'id' | 'object_key'>[],
  options: { later?: boolean } = {},
): Promise<DeletionOutcome> {
  const none = { deleted: 0, failed: 0 };
  if (uploads.length === 0) return none;
  const keys = uploads.map((upload) => upload.object_key);

  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('upload')
      .where(
        'id',
        'in',
        uploads.map((upload) => upload.id),
      )
      .execute();
    await queueObjectDeletion(trx, keys, ctx.now());
  });
  return options.later ? none : deleteQueuedObjects(ctx, keys);
}

import type { Context } from '../context.ts';
import type { UploadRow } from '../db/schema.ts';

/**
 * Forgets uploads that will never become images. The objects go first: if
 * the store fails, the rows stay and the sweeper tries again later, so no
 * object is ever left without a row that points to it.
 */
export async function discardUpload(
  ctx: Context,
  ...uploads: Pick<UploadRow, 'id' | 'object_key'>[]
): Promise<void> {
  if (uploads.length === 0) return;

  await ctx.store.delete(uploads.map((upload) => upload.object_key));
  await ctx.db
    .deleteFrom('upload')
    .where(
      'id',
      'in',
      uploads.map((upload) => upload.id),
    )
    .execute();
}

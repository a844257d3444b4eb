import type { Context } from '../context.ts';
import { refuseFiles } from '../errors.ts';
import { placeholderFits } from '../images/placeholder.ts';
import {
  deleteQueuedObjects,
  queueObjectDeletion,
} from '../objects/object-deletion.ts';
import { lockProduct } from '../products/lock-product.ts';
import { requireProduct } from '../products/require-product.ts';
import { type ImageView, viewImage } from '../products/view.ts';
import type { FileProblem } from '../rules/file-problem.ts';
import type { ImageType } from '../rules/image-types.ts';
import { uploadDeadline } from './live-uploads.ts';
import { newObjectKey } from './object-key.ts';
import { type Verification, verifyUpload } from './verify-upload.ts';

export interface CompletedUploads {
  /** The images made (or found, on a second confirm), in the order asked. */
  images: (ImageView & { uploadId: string })[];
  /** Every upload that did not become an image, by file name and reason. */
  failures: (FileProblem & { uploadId: string })[];
}

type Verified = Extract<Verification, { kind: 'verified' }> & {
  imageKey: string;
  /** The image has its own copy; false when it keeps the upload's key. */
  copied: boolean;
};

/**
 * Confirms uploads the browser says it has PUT. Each object is checked in
 * the store; those that pass become images in one transaction, in the order
 * given, after the product's existing images. Confirming twice returns the
 * same images. When none becomes (or already is) an image, the answer is a
 * 400 that lists every file with its reason; otherwise the failures come
 * with the images. A placeholder that is no ThumbHash at all fails the
 * input check (400, nothing done); a well-formed one is kept only when it
 * has its photo's shape, and a photo is never refused for its shape.
 */
export async function completeUploads(
  ctx: Context,
  productId: number,
  uploadIds: string[],
  placeholders: Partial<Record<string, string>> = {},
): Promise<CompletedUploads> {
  await requireProduct(ctx.db, productId);

  // All at once: each waits on the store, and five in a row keep the
  // person waiting five times as long.
  const verifications = await Promise.all(
    uploadIds.map((uploadId) => verifyUpload(ctx, productId, uploadId)),
  );
  const failures: CompletedUploads['failures'] = [];
  const checked: Extract<Verification, { kind: 'verified' }>[] = [];
  verifications.forEach((verification, index) => {
    if (verification.kind === 'failed') {
      failures.push({
        ...verification.problem,
        uploadId: uploadIds[index] ?? '',
      });
    }
    if (verification.kind === 'verified') checked.push(verification);
  });
  const verified = await Promise.all(
    checked.map((check) => moveToImageKey(ctx, productId, check)),
  );

  try {
    await recordImages(ctx, productId, verified, placeholders);
  } catch (error) {
    // The copies have no row now (the product may have been deleted
    // meanwhile): queue them, so they do not stay in the bucket.
    await forgetCopies(ctx, verified);
    throw error;
  }
  await deleteQueuedObjects(
    ctx,
    verified
      .filter(({ copied }) => copied)
      .map(({ upload }) => upload.object_key),
  );

  const images = await imagesOf(ctx, productId, uploadIds);
  // Nothing to show for the request at all: a refusal, like the ask's,
  // that still names every file and why.
  if (images.length === 0 && failures.length > 0) throw refuseFiles(failures);

  return { images, failures };
}

/**
 * Makes sure no second PUT can swap the bytes that were checked: the
 * upload's URL stays valid until it expires (decision 0009). A URL that
 * signs the bytes' SHA-256 can only ever write those same bytes, so the
 * image keeps the upload's key (decision 0013). Any other object is
 * copied, in the store, to a key no URL can write, and only while it still
 * has the ETag it had when checked.
 */
async function moveToImageKey(
  ctx: Context,
  productId: number,
  verified: Extract<Verification, { kind: 'verified' }>,
): Promise<Verified> {
  const { upload } = verified;
  if (upload.checksum_sha256) {
    return { ...verified, imageKey: upload.object_key, copied: false };
  }

  const imageKey = newObjectKey(productId, upload.content_type as ImageType);
  await ctx.store.copy(upload.object_key, imageKey, verified.etag);

  return { ...verified, imageKey, copied: true };
}

/** Queues the copies made for images that were not recorded after all. */
async function forgetCopies(ctx: Context, verified: Verified[]) {
  const keys = verified
    .filter(({ copied }) => copied)
    .map(({ imageKey }) => ({ key: imageKey }));
  await queueObjectDeletion(ctx.db, keys, ctx.now());
  await deleteQueuedObjects(
    ctx,
    keys.map(({ key }) => key),
  );
}

/**
 * Turns verified uploads into images, and queues the upload keys that were
 * copied for deletion. An upload row that another confirm consumed first
 * is skipped and its copy, if any, queued for deletion, so a race makes
 * one image, never two.
 */
async function recordImages(
  ctx: Context,
  productId: number,
  verified: Verified[],
  placeholders: Partial<Record<string, string>>,
): Promise<void> {
  if (verified.length === 0) return;
  const now = ctx.now();

  await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, productId, now);
    const last = await trx
      .selectFrom('image')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('product_id', '=', productId)
      .executeTakeFirst();
    let position = last?.position == null ? 0 : Number(last.position) + 1;

    for (const { upload, imageKey, copied, width, height } of verified) {
      const taken = await trx
        .deleteFrom('upload')
        .where('id', '=', upload.id)
        .executeTakeFirst();
      const notBefore = uploadDeadline(upload.expires_at, ctx.limits);
      if (taken.numDeletedRows === 0n) {
        // Another confirm made the image; only a copy of our own goes.
        if (copied) await queueObjectDeletion(trx, [{ key: imageKey }], now);
        continue;
      }

      const placeholder = placeholders[upload.id];
      await trx
        .insertInto('image')
        .values({
          product_id: productId,
          upload_id: upload.id,
          object_key: imageKey,
          content_type: upload.content_type,
          byte_size: upload.byte_size,
          width,
          height,
          position,
          alt: '',
          original_name: upload.original_name,
          placeholder:
            placeholder && placeholderFits(placeholder, width, height)
              ? placeholder
              : null,
          created_at: now.toISOString(),
        })
        .execute();
      if (copied) {
        await queueObjectDeletion(
          trx,
          [{ key: upload.object_key, notBefore }],
          now,
        );
      }
      position += 1;
    }
  });
}

async function imagesOf(
  ctx: Context,
  productId: number,
  uploadIds: string[],
): Promise<CompletedUploads['images']> {
  const rows = await ctx.db
    .selectFrom('image')
    .selectAll()
    .where('product_id', '=', productId)
    .where('upload_id', 'in', uploadIds)
    .execute();
  const ordered = uploadIds.flatMap((id) =>
    rows.filter((row) => row.upload_id === id),
  );

  return Promise.all(
    ordered.map(async (row) => ({
      ...(await viewImage(ctx.store, row)),
      uploadId: row.upload_id,
    })),
  );
}

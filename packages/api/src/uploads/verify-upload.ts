import type { Context } from '../context.ts';
import type { UploadRow } from '../db/schema.ts';
import { firstWindowBytes, readImageFacts } from '../image/read-image-facts.ts';
import type { FileProblem } from '../rules/file-problem.ts';
import { formatBytes } from '../rules/format-bytes.ts';
import { normalizeImageType } from '../rules/image-types.ts';
import { discardUploads } from './discard-upload.ts';
import { liveUploadCutoff } from './live-uploads.ts';

export type Verification =
  | { kind: 'already-confirmed' }
  | { kind: 'failed'; problem: FileProblem }
  | {
      kind: 'verified';
      upload: UploadRow;
      width: number;
      height: number;
      /** The object's ETag when it was checked. */
      etag: string | undefined;
    };

/**
 * Checks one upload against what the store holds. A file that can never
 * become an image is deleted from the bucket and forgotten; a file that has
 * not arrived yet keeps its upload, since the browser may still send it.
 */
export async function verifyUpload(
  ctx: Context,
  productId: number,
  uploadId: string,
): Promise<Verification> {
  const upload = await ctx.db
    .selectFrom('upload')
    .selectAll()
    .where('id', '=', uploadId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (!upload) return findConfirmed(ctx, productId, uploadId);

  const verification = await checkObject(ctx, upload);
  if (
    verification.kind === 'failed' &&
    verification.problem.code !== 'OBJECT_MISSING'
  ) {
    await discardUploads(ctx, [upload]);
  }

  return verification;
}

async function findConfirmed(
  ctx: Context,
  productId: number,
  uploadId: string,
): Promise<Verification> {
  const image = await ctx.db
    .selectFrom('image')
    .select('id')
    .where('upload_id', '=', uploadId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (image) return { kind: 'already-confirmed' };

  return failed(
    uploadId,
    'UPLOAD_UNKNOWN',
    `product ${productId} has no such upload waiting: it expired, or ` +
      'was released from another tab. Choose the file again.',
  );
}

async function checkObject(
  ctx: Context,
  upload: UploadRow,
): Promise<Verification> {
  const name = upload.original_name;
  if (upload.expires_at <= liveUploadCutoff(ctx.now(), ctx.limits)) {
    return failed(
      name,
      'UPLOAD_EXPIRED',
      'the upload expired before it was confirmed; upload the file again.',
    );
  }

  // One request for the size, the type and the first bytes: HEAD then GET
  // cost the store two, and most of a confirm's CPU is in those requests.
  const start = await ctx.store.readStart(upload.object_key, firstWindowBytes);
  if (!start) {
    return failed(
      name,
      'OBJECT_MISSING',
      'the file has not reached storage; upload it again.',
    );
  }
  const type = normalizeImageType(upload.content_type);
  if (
    !type ||
    start.byteSize !== upload.byte_size ||
    start.contentType !== upload.content_type
  ) {
    return failed(
      name,
      'OBJECT_MISMATCH',
      `storage holds ${formatBytes(start.byteSize)} of ` +
        `${start.contentType ?? 'no type'}, but ` +
        `${formatBytes(upload.byte_size)} of ${upload.content_type} was signed.`,
    );
  }

  const facts = await readImageFacts(
    ctx.store,
    upload.object_key,
    upload.byte_size,
    type,
    ctx.limits.maxImagePixels,
    start.bytes,
  );
  if (!facts.ok) return failed(name, facts.code, facts.message);

  return {
    kind: 'verified',
    upload,
    width: facts.width,
    height: facts.height,
    etag: start.etag,
  };
}

function failed(
  name: string,
  code: FileProblem['code'],
  message: string,
): Verification {
  return { kind: 'failed', problem: { name, code, message } };
}

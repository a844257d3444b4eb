import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Context, UploadLimits } from '../context.ts';
import type { Database, NewUpload } from '../db/schema.ts';
import { refuseFiles } from '../errors.ts';
import { lockProduct } from '../products/lock-product.ts';
import { checkDeclaredFile, type DeclaredFile } from '../rules/check-file.ts';
import type { FileProblem } from '../rules/file-problem.ts';
import type { ImageType } from '../rules/image-types.ts';
import { maxImagesPerProduct } from '../rules/limits.ts';
import { plural } from '../rules/plural.ts';
import { liveUploadCutoff, uploadLifetimeSeconds } from './live-uploads.ts';
import { newObjectKey, randomId } from './object-key.ts';
import { signTicket, type UploadTicket } from './upload-ticket.ts';

/** A file as the browser declares it, with the digest of its bytes. */
export interface AskedFile extends DeclaredFile {
  sha256?: string | undefined;
}

/**
 * Asks to upload files to a product. Refuses the whole request, before
 * anything is signed, when any file breaks a rule or the product would pass
 * its image cap.
 */
export async function createUploads(
  ctx: Context,
  productId: number,
  files: AskedFile[],
): Promise<UploadTicket[]> {
  const typed = checkFiles(files, ctx.limits.maxUploadBytes);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.limits.urlTtlSeconds * 1000);

  const rows: NewUpload[] = typed.map(({ file, type }) => ({
    id: randomId(),
    product_id: productId,
    object_key: newObjectKey(productId, type),
    content_type: type,
    byte_size: file.size,
    original_name: file.name,
    checksum_sha256: file.sha256 ?? null,
    expires_at: expiresAt.toISOString(),
    created_at: now.toISOString(),
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await lockProduct(trx, productId, now);
    await checkRoom(trx, productId, rows.length, now, ctx.limits);
    await trx.insertInto('upload').values(rows).execute();
  });

  return Promise.all(rows.map((row) => signTicket(ctx, row, now)));
}

function checkFiles(
  files: AskedFile[],
  maxUploadBytes: number,
): { file: AskedFile; type: ImageType }[] {
  const problems: FileProblem[] = [];
  const typed: { file: AskedFile; type: ImageType }[] = [];
  for (const file of files) {
    const check = checkDeclaredFile(file, maxUploadBytes);
    if (check.ok) typed.push({ file, type: check.type });
    else problems.push(check.problem);
  }
  if (problems.length > 0) throw refuseFiles(problems);

  return typed;
}

async function checkRoom(
  trx: Kysely<Database>,
  productId: number,
  asked: number,
  now: Date,
  limits: UploadLimits,
): Promise<void> {
  const cutoff = liveUploadCutoff(now, limits);
  const counted = await trx
    .selectNoFrom((eb) => [
      eb
        .selectFrom('image')
        .select(eb.fn.countAll<number | string>().as('n'))
        .where('product_id', '=', productId)
        .as('images'),
      eb
        .selectFrom('upload')
        .select(eb.fn.countAll<number | string>().as('n'))
        .where('product_id', '=', productId)
        .where('expires_at', '>', cutoff)
        .as('pending'),
    ])
    .executeTakeFirstOrThrow();
  const images = Number(counted.images);
  const pending = Number(counted.pending);
  const taken = images + pending;
  if (taken + asked <= maxImagesPerProduct) return;

  const left = Math.max(0, maxImagesPerProduct - taken);
  throw new TRPCError({
    code: 'CONFLICT',
    message:
      `A product holds at most ${maxImagesPerProduct} images. This one has ` +
      `${plural(images, 'image')} and ${plural(pending, 'upload')} in ` +
      `progress, so ${left} more can be added; ${asked} ` +
      `${asked === 1 ? 'was' : 'were'} chosen.` +
      (pending > 0 ? unfinishedAdvice(limits) : ''),
  });
}

/**
 * What to do about uploads that hold places: some may have been left
 * unfinished in another tab or before a reload. The product's page lists
 * them and can release them; otherwise they free their places when their
 * URLs expire.
 */
function unfinishedAdvice(limits: UploadLimits): string {
  const minutes = Math.ceil(uploadLifetimeSeconds(limits) / 60);

  return (
    ' Uploads left unfinished (in another tab, or before the page was ' +
    "reloaded) can be released on the product's page, or give their " +
    `places back by themselves within ${plural(minutes, 'minute')}.`
  );
}

import { deleteQueuedObjects, queueObjectDeletion } from '@vitrine/api';
import { listObjects } from '../storage/list-objects.ts';
import type { Runtime } from './runtime.ts';

/** Every object the app makes lives under this prefix. */
const objectPrefix = 'products/';

/**
 * Compares the bucket with the database: objects no row points to
 * (orphans) and images whose object is missing. With `--fix`, deletes the
 * orphans older than an upload's lifetime, and lists the images it cannot
 * repair, since only a person can upload their photo again.
 */
export async function auditCommand(
  runtime: Runtime,
  args: string[],
): Promise<number> {
  const fix = args.includes('--fix');
  const storage = await runtime.storage();
  const db = runtime.db();

  // The bucket is listed before the rows are read: an object that appears
  // in between belongs to an upload whose row already exists.
  const objects = [];
  try {
    for await (const object of listObjects(
      storage.client,
      storage.bucket,
      objectPrefix,
    )) {
      objects.push(object);
    }
  } catch (error) {
    runtime.print(
      `Cannot list the bucket ${storage.bucket} (${String(error)}): ` +
        'check the keys may list its objects; `pnpm cli doctor` says more.',
    );
    return 1;
  }
  const known = new Set<string>();
  for (const table of ['image', 'upload', 'object_deletion'] as const) {
    const rows = await db.selectFrom(table).select('object_key').execute();
    for (const row of rows) known.add(row.object_key);
  }

  const stored = new Set(objects.map((object) => object.key));
  const orphans = objects.filter((object) => !known.has(object.key));
  const images = await db
    .selectFrom('image')
    .select(['id', 'product_id', 'object_key', 'original_name'])
    .execute();
  const missing = images.filter((image) => !stored.has(image.object_key));

  runtime.print(
    `${objects.length} object(s) under ${objectPrefix}, ${images.length} ` +
      `image row(s); ${orphans.length} orphan(s), ${missing.length} ` +
      'missing object(s).',
  );
  for (const orphan of orphans) runtime.print(`orphan: ${orphan.key}`);
  for (const image of missing) {
    runtime.print(
      `missing: image ${image.id} of product ${image.product_id} ` +
        `("${image.original_name}") has no object ${image.object_key}`,
    );
  }
  if (!fix) return orphans.length + missing.length === 0 ? 0 : 1;

  return fixOrphans(runtime, orphans, missing.length);
}

async function fixOrphans(
  runtime: Runtime,
  orphans: { key: string; lastModified: Date | undefined }[],
  missing: number,
): Promise<number> {
  const { limits } = runtime.config;
  const lifetimeMs = (limits.urlTtlSeconds + limits.confirmGraceSeconds) * 1000;
  const cutoff = Date.now() - lifetimeMs;
  const old = orphans.filter(
    (orphan) => (orphan.lastModified?.getTime() ?? 0) < cutoff,
  );
  const context = await runtime.context();

  await queueObjectDeletion(
    context.db,
    old.map((orphan) => ({ key: orphan.key })),
    new Date(),
  );
  const outcome = await deleteQueuedObjects(
    context,
    old.map((orphan) => orphan.key),
  );
  runtime.print(
    `Deleted ${outcome.deleted} orphan(s); left ${orphans.length - old.length} ` +
      'younger than an upload, which may still be confirmed.',
  );
  if (outcome.failed > 0) {
    runtime.print(
      `The store refused ${outcome.failed} deletion(s); they stay queued ` +
        'for the sweeper.',
    );
  }
  if (missing > 0) {
    runtime.print(
      `Cannot repair ${missing} image(s) whose object is missing: delete ` +
        'them in the app, or upload the photo again.',
    );
  }

  return outcome.failed + missing === 0 ? 0 : 1;
}

import { sweep } from '@vitrine/api';
import { migrateToLatest } from '../db/migrate.ts';
import type { Runtime } from './runtime.ts';

/** Deletes expired uploads and retries queued object deletions. */
export async function sweepCommand(runtime: Runtime): Promise<number> {
  await migrateToLatest(runtime.db());
  const { uploads, objects } = await sweep(await runtime.context());

  runtime.print(`Swept ${uploads} expired upload(s).`);
  runtime.print(`Deleted ${objects.deleted} object(s) from the bucket.`);
  if (objects.failed === 0) return 0;

  runtime.print(
    `The store refused to delete ${objects.failed} object(s); they stay ` +
      `queued for the next sweep: ${String(objects.error)}`,
  );
  return 1;
}

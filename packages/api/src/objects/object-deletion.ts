import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import type { Database } from '../db/schema.ts';

/** How many queued keys one pass sends to the store. */
const deleteBatchSize = 500;

export interface QueuedKey {
  key: string;
  /**
   * When the key must be deleted (again) at the latest: the expiry of the
   * last signed URL that can still write it. Deleting it now does not
   * stop a holder of that URL from writing it once more.
   */
  notBefore?: Date;
}

/**
 * Records that these objects must go. Call it inside the transaction that
 * drops the rows pointing at them: then no object is ever left behind
 * without a row that says what to do with it.
 */
export async function queueObjectDeletion(
  trx: Kysely<Database>,
  keys: readonly QueuedKey[],
  now: Date,
): Promise<void> {
  if (keys.length === 0) return;

  await trx
    .insertInto('object_deletion')
    .values(
      keys.map(({ key, notBefore }) => ({
        object_key: key,
        not_before: (notBefore && notBefore > now
          ? notBefore
          : now
        ).toISOString(),
        created_at: now.toISOString(),
      })),
    )
    .onConflict((conflict) => conflict.column('object_key').doNothing())
    .execute();
}

export interface DeletionOutcome {
  deleted: number;
  /** Keys still queued because the store failed; the sweeper retries. */
  failed: number;
  error?: unknown;
}

/**
 * Deletes queued objects from the store. With `keys`, those keys now;
 * without, every key that is due or whose last deletion failed, in key
 * order. A key leaves the queue
 * once deleted at or after its `not_before`. A store failure is recorded
 * on the queued rows and returned, never thrown.
 */
export async function deleteQueuedObjects(
  ctx: Pick<Context, 'db' | 'store' | 'now'>,
  keys?: readonly string[],
): Promise<DeletionOutcome> {
  const outcome: DeletionOutcome = { deleted: 0, failed: 0 };
  if (keys?.length === 0) return outcome;
  const now = ctx.now().toISOString();
  let after = '';

  for (;;) {
    let query = ctx.db
      .selectFrom('object_deletion')
      .select('object_key')
      .where('object_key', '>', after)
      .orderBy('object_key')
      .limit(deleteBatchSize);
    // Due keys, and keys whose deletion failed: the store was down, and
    // what could not be deleted then is deleted as soon as it is back.
    query = keys
      ? query.where('object_key', 'in', [...keys])
      : query.where((eb) =>
          eb.or([eb('not_before', '<=', now), eb('attempts', '>', 0)]),
        );
    const batch = (await query.execute()).map((row) => row.object_key);
    if (batch.length === 0) return outcome;

    await deleteBatch(ctx, batch, now, outcome);
    after = batch.at(-1) ?? after;
    if (batch.length < deleteBatchSize) return outcome;
  }
}

async function deleteBatch(
  ctx: Pick<Context, 'db' | 'store'>,
  batch: string[],
  now: string,
  outcome: DeletionOutcome,
): Promise<void> {
  try {
    await ctx.store.delete(batch);
  } catch (error) {
    outcome.failed += batch.length;
    outcome.error = error;
    await ctx.db
      .updateTable('object_deletion')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: String(error).slice(0, 500),
      }))
      .where('object_key', 'in', batch)
      .execute();
    return;
  }

  await ctx.db
    .deleteFrom('object_deletion')
    .where('object_key', 'in', batch)
    .where('not_before', '<=', now)
    .execute();
  // Deleted before a signed URL is over: kept until then, no longer failing.
  await ctx.db
    .updateTable('object_deletion')
    .set({ attempts: 0, last_error: null })
    .where('object_key', 'in', batch)
    .where('attempts', '>', 0)
    .execute();
  outcome.deleted += batch.length;
}

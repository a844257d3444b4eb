import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import type { Database } from '../db/schema.ts';

/** How many queued keys one pass sends to the store. */
const deleteBatchSize = 500;

/**
 * Records that these objects must go. Call it inside the transaction that
 * drops the rows pointing at them: then no object is ever left behind
 * without a row that says what to do with it.
 */
export async function queueObjectDeletion(
  trx: Kysely<Database>,
  keys: readonly string[],
  now: Date,
): Promise<void> {
  if (keys.length === 0) return;

  await trx
    .insertInto('object_deletion')
    .values(
      keys.map((key) => ({
        object_key: key,
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
 * Deletes queued objects from the store and forgets them. With `keys`, only
 * those; without, the whole queue, oldest first. A store failure is kept on
 * the queued rows and returned, never thrown.
 */
export async function deleteQueuedObjects(
  ctx: Pick<Context, 'db' | 'store'>,
  keys?: readonly string[],
): Promise<DeletionOutcome> {
  const outcome: DeletionOutcome = { deleted: 0, failed: 0 };
  let after = '';

  for (;;) {
    let query = ctx.db
      .selectFrom('object_deletion')
      .select('object_key')
      .where('object_key', '>', after)
      .orderBy('object_key')
      .limit(deleteBatchSize);
    if (keys) {
      if (keys.length === 0) return outcome;
      query = query.where('object_key', 'in', [...keys]);
    }
    const batch = (await query.execute()).map((row) => row.object_key);
    if (batch.length === 0) return outcome;

    await deleteBatch(ctx, batch, outcome);
    after = batch.at(-1) ?? after;
    if (batch.length < deleteBatchSize) return outcome;
  }
}

async function deleteBatch(
  ctx: Pick<Context, 'db' | 'store'>,
  batch: string[],
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
    .execute();
  outcome.deleted += batch.length;
}

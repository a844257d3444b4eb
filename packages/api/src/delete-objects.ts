import type { Context } from './context.ts';
import { storageDeleteFailed } from './errors.ts';

/**
 * Deletes objects from the store before their rows go: if the store fails,
 * the caller stops and the rows stay, so no object is left in the bucket
 * without a row that points at it. `what` names the objects in the
 * refusal ("the photo", "the product's 3 photos").
 */
export async function deleteObjects(
  ctx: Context,
  keys: readonly string[],
  what: string,
): Promise<void> {
  if (keys.length === 0) return;

  try {
    await ctx.store.delete(keys);
  } catch (error) {
    throw storageDeleteFailed(what, error);
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Ends one session, by the hash of its token. */
export async function endSession(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an admin: after a new password, all sign in again. */
export async function endAdminSessions(
  db: Kysely<Database>,
  adminId: number,
): Promise<void> {
  await db.deleteFrom('session').where('admin_id', '=', adminId).execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { sessionIdleSeconds, sessionTouchSeconds } from './session-limits.ts';
import { hashSessionToken } from './session-token.ts';

export interface SignedInAdmin {
  id: number;
  email: string;
  mustChangePassword: boolean;
  /** The hash of this request's token, to end this session alone. */
  tokenHash: string;
}

/**
 * The admin a session token belongs to, or undefined when the token is
 * unknown, idle too long or past its absolute end. An ended session's row
 * is deleted on the way, and a live one's last-seen time moved on.
 */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SignedInAdmin | undefined> {
  const tokenHash = hashSessionToken(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('admin', 'admin.id', 'session.admin_id')
    .select([
      'admin.id',
      'admin.email',
      'admin.must_change_password',
      'session.last_seen_at',
      'session.expires_at',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;

  const idleEnd = Date.parse(row.last_seen_at) + sessionIdleSeconds * 1000;
  const end = Math.min(idleEnd, Date.parse(row.expires_at));
  if (now.getTime() >= end) {
    await db
      .deleteFrom('session')
      .where('token_hash', '=', tokenHash)
      .execute();
    return undefined;
  }
  const staleAt = Date.parse(row.last_seen_at) + sessionTouchSeconds * 1000;
  if (now.getTime() >= staleAt) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now.toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  return {
    id: row.id,
    email: row.email,
    mustChangePassword: row.must_change_password === 1,
    tokenHash,
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { sessionMaxSeconds } from './session-limits.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Opens a session for the admin; only the token's hash is stored. */
export async function startSession(
  db: Kysely<Database>,
  adminId: number,
  now: Date,
): Promise<NewSession> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionMaxSeconds * 1000);

  await db
    .insertInto('session')
    .values({
      token_hash: hashSessionToken(token),
      admin_id: adminId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();

  return { token, expiresAt };
}

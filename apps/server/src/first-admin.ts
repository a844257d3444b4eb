import { randomBytes } from 'node:crypto';
import {
  AdminExists,
  countAdmins,
  createAdmin,
  type Database,
} from '@vitrine/api';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';

export const firstAdminEmail = 'admin@localhost';

/**
 * With no admin at all, creates `admin@localhost` with a random password
 * and logs that password, once: it is in no file and shown never again.
 * The app asks for a new one at the first log-in.
 */
export async function createFirstAdmin(
  db: Kysely<Database>,
  log: FastifyBaseLogger,
  now: Date,
): Promise<void> {
  if ((await countAdmins(db)) > 0) return;
  const password = randomBytes(15).toString('base64url');
  try {
    await createAdmin(db, firstAdminEmail, password, now, { generated: true });
  } catch (error) {
    // Another process on the same database made it first.
    if (error instanceof AdminExists) return;
    throw error;
  }

  log.warn(
    { email: firstAdminEmail },
    `first start: sign in as ${firstAdminEmail} with the one-time password ` +
      `${password} and choose your own when asked; or set one with ` +
      `\`pnpm cli admin:reset-password ${firstAdminEmail}\``,
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { endAdminSessions } from './end-sessions.ts';
import { normalizeEmail } from './normalize-email.ts';
import { hashPassword } from './password-hash.ts';

export interface AdminOptions {
  /** A generated password: the app asks the admin to replace it. */
  generated?: boolean;
}

/** Adds an admin; throws AdminExists when the email is taken. */
export async function createAdmin(
  db: Kysely<Database>,
  email: string,
  password: string,
  now: Date,
  options: AdminOptions = {},
): Promise<number> {
  const normalized = normalizeEmail(email);
  const existing = await db
    .selectFrom('admin')
    .select('id')
    .where('email', '=', normalized)
    .executeTakeFirst();
  if (existing) throw new AdminExists(normalized);

  const row = await db
    .insertInto('admin')
    .values({
      email: normalized,
      password_hash: await hashPassword(password),
      must_change_password: options.generated ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  return row.id;
}

/**
 * Gives an admin a new password and ends every session it had. Returns
 * false when there is no admin with that email.
 */
export async function setAdminPassword(
  db: Kysely<Database>,
  email: string,
  password: string,
  now: Date,
  options: AdminOptions = {},
): Promise<boolean> {
  const passwordHash = await hashPassword(password);

  return db.transaction().execute(async (trx) => {
    const admin = await trx
      .updateTable('admin')
      .set({
        password_hash: passwordHash,
        must_change_password: options.generated ? 1 : 0,
        updated_at: now.toISOString(),
      })
      .where('email', '=', normalizeEmail(email))
      .returning('id')
      .executeTakeFirst();
    if (!admin) return false;
    await endAdminSessions(trx, admin.id);

    return true;
  });
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('admin')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();

  return Number(row.count);
}

export class AdminExists extends Error {
  constructor(readonly email: string) {
    super(`There is already an admin with the email ${email}.`);
    this.name = 'AdminExists';
  }
}

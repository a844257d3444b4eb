import type { RequestContext } from '../context.ts';
import { wrongCurrentPassword } from './auth-errors.ts';
import { endAdminSessions } from './end-sessions.ts';
import type { SignedInAdmin } from './find-session.ts';
import type { AdminView } from './log-in.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { startSession } from './start-session.ts';

/**
 * Replaces the signed-in admin's password. Every session of the admin
 * ends, this one included; the browser that asked gets a fresh one.
 */
export async function changePassword(
  ctx: RequestContext,
  admin: SignedInAdmin,
  currentPassword: string,
  newPassword: string,
): Promise<AdminView> {
  const row = await ctx.db
    .selectFrom('admin')
    .select('password_hash')
    .where('id', '=', admin.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(currentPassword, row.password_hash))) {
    throw wrongCurrentPassword();
  }

  const passwordHash = await hashPassword(newPassword);
  const now = ctx.now();
  const session = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('admin')
      .set({
        password_hash: passwordHash,
        must_change_password: 0,
        updated_at: now.toISOString(),
      })
      .where('id', '=', admin.id)
      .execute();
    await endAdminSessions(trx, admin.id);
    return startSession(trx, admin.id, now);
  });
  ctx.sessionCookie.write(session.token, session.expiresAt);

  return { email: admin.email, mustChangePassword: false };
}

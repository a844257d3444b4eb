import type { RequestContext } from '../context.ts';
import { wrongCredentials } from './auth-errors.ts';
import { endSession } from './end-sessions.ts';
import { normalizeEmail } from './normalize-email.ts';
import { unknownAccountHash, verifyPassword } from './password-hash.ts';
import { hashSessionToken } from './session-token.ts';
import { startSession } from './start-session.ts';

export interface AdminView {
  email: string;
  mustChangePassword: boolean;
}

/**
 * Checks the email and password and starts a new session. An unknown email
 * is checked against a stand-in hash, so that both failures take as long
 * and read the same.
 */
export async function logIn(
  ctx: RequestContext,
  email: string,
  password: string,
): Promise<AdminView> {
  const normalized = normalizeEmail(email);

  return ctx.loginLimits.attempt(normalized, () =>
    checkAndStart(ctx, normalized, password),
  );
}

async function checkAndStart(
  ctx: RequestContext,
  normalized: string,
  password: string,
): Promise<AdminView> {
  const admin = await ctx.db
    .selectFrom('admin')
    .select(['id', 'email', 'password_hash', 'must_change_password'])
    .where('email', '=', normalized)
    .executeTakeFirst();
  const matches = await verifyPassword(
    password,
    admin?.password_hash ?? unknownAccountHash,
  );
  if (!admin || !matches) throw wrongCredentials();

  // A new token on every log-in: a token planted before it is worth nothing.
  const previous = ctx.sessionCookie.read();
  if (previous) await endSession(ctx.db, hashSessionToken(previous));
  const session = await startSession(ctx.db, admin.id, ctx.now());
  ctx.sessionCookie.write(session.token, session.expiresAt);

  return {
    email: admin.email,
    mustChangePassword: admin.must_change_password === 1,
  };
}

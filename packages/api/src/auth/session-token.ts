import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: the cookie's value, never stored as it is. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps instead of the token, so that a copy of the
 * database lets no one sign in. A fast hash is enough for 256 random bits.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

import {
  randomBytes,
  type ScryptOptions,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

// scrypt from node:crypto: memory-hard, and no native package to build.
// N = 2^15 and r = 8 take 32 MiB and tens of milliseconds per hash.
const cost = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyBytes = 32;
const saltBytes = 16;
/** Node refuses 128 × N × r at exactly its default cap of 32 MiB. */
const maxmem = 64 * 1024 * 1024;

/**
 * A hash of a random password with the same cost. Checking a log-in for an
 * unknown email against it takes as long as for a known one, so the time
 * of the answer does not tell which emails have an account.
 */
export const unknownAccountHash =
  'scrypt$32768$8$1$io1GQEX5Yms0jwJWUrqIfA$' +
  '6ce2kXCC4ZIzvzE9ian5RZfDXDXPF81sw4O6Mz01OoA';

/** A self-describing hash: `scrypt$N$r$p$salt$key`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, cost);

  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Whether the password matches the hash; false for a malformed hash. */
export async function verifyPassword(
  password: string,
  hash: string,
): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });

  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(
  password: string,
  salt: Buffer,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      keyBytes,
      { ...options, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

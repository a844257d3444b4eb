import rateLimit from '@fastify/rate-limit';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Attempts one address may make in a window, whatever the accounts. */
export const loginAttemptsPerAddress = 30;

/** Attempts on one account in a window, from any number of addresses. */
export const loginAttemptsPerAccount = 10;

export const loginWindowSeconds = 15 * 60;

export interface LoginLimits {
  /** Throws TOO_MANY_REQUESTS once the address or the account is out. */
  check(request: FastifyRequest, email: string): Promise<void>;
  countFailure(request: FastifyRequest, email: string): Promise<void>;
}

/**
 * Counts failed log-ins per address and per account with
 * `@fastify/rate-limit` (in memory: several server processes keep a count
 * each). Past either limit an attempt is refused before the password is
 * checked, so guessing stops; a right password does not use up the count.
 */
export async function limitLogins(app: FastifyInstance): Promise<LoginLimits> {
  await app.register(rateLimit, { global: false });
  const emails = new WeakMap<FastifyRequest, string>();
  const limiters = [
    app.createRateLimit({
      max: loginAttemptsPerAddress,
      timeWindow: loginWindowSeconds * 1000,
      keyGenerator: (request) => `address:${request.ip}`,
    }),
    app.createRateLimit({
      max: loginAttemptsPerAccount,
      timeWindow: loginWindowSeconds * 1000,
      keyGenerator: (request) => `account:${emails.get(request) ?? ''}`,
    }),
  ];

  return {
    async check(request, email) {
      emails.set(request, email);
      for (const limiter of limiters) {
        const limit = await limiter(request, { increment: false });
        if (limit.isAllowed || limit.remaining > 0) continue;

        request.log.warn({ limit: limit.key.split(':')[0] }, 'log-in limited');
        const minutes = Math.max(1, Math.ceil(limit.ttlInSeconds / 60));
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Too many failed log-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        });
      }
    },
    async countFailure(request, email) {
      emails.set(request, email);
      for (const limiter of limiters) await limiter(request);
    },
  };
}

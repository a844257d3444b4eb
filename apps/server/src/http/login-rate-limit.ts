import rateLimit from '@fastify/rate-limit';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Attempts one address may make in a window, whatever the accounts. */
export const loginAttemptsPerAddress = 30;

/** Attempts on one account in a window, from any number of addresses. */
export const loginAttemptsPerAccount = 10;

export const loginWindowSeconds = 15 * 60;

export type LimitLogin = (
  request: FastifyRequest,
  email: string,
) => Promise<void>;

/**
 * Counts log-in attempts, successful or not, per address and per account
 * (`@fastify/rate-limit`, in memory: a server behind several processes
 * allows each its own count). Past either, the attempt is refused before
 * the password is checked.
 */
export async function limitLogins(app: FastifyInstance): Promise<LimitLogin> {
  await app.register(rateLimit, { global: false });
  const emails = new WeakMap<FastifyRequest, string>();
  const perAddress = app.createRateLimit({
    max: loginAttemptsPerAddress,
    timeWindow: loginWindowSeconds * 1000,
    keyGenerator: (request) => `login-address:${request.ip}`,
  });
  const perAccount = app.createRateLimit({
    max: loginAttemptsPerAccount,
    timeWindow: loginWindowSeconds * 1000,
    keyGenerator: (request) => `login-account:${emails.get(request) ?? ''}`,
  });

  return async (request, email) => {
    emails.set(request, email);
    for (const limiter of [perAddress, perAccount]) {
      const limit = await limiter(request);
      if (!limit.isAllowed && limit.isExceeded) {
        request.log.warn({ limit: limit.key.split(':')[0] }, 'log-in limited');
        const minutes = Math.max(1, Math.ceil(limit.ttlInSeconds / 60));
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Too many log-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        });
      }
    }
  };
}

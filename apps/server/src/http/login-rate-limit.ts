import rateLimit from '@fastify/rate-limit';
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Attempts one address may make in a window, whatever the accounts. */
export const loginAttemptsPerAddress = 30;

/** Attempts on one account in a window, from any number of addresses. */
export const loginAttemptsPerAccount = 10;

export const loginWindowSeconds = 15 * 60;

export interface LoginLimits {
  /** Runs one attempt; see LoginLimits in @vitrine/api. */
  attempt<T>(
    request: FastifyRequest,
    email: string,
    run: () => Promise<T>,
  ): Promise<T>;
}

/**
 * Counts failed log-ins per address and per account with
 * `@fastify/rate-limit` (in memory: several server processes keep a count
 * each). Past either limit an attempt is refused before the password is
 * checked, so guessing stops; a right password does not use up the count.
 * Attempts on one account or from one address run one at a time: a tester
 * sent 40 guesses in one batched request, and all were checked before the
 * first failure was counted.
 */
export async function limitLogins(app: FastifyInstance): Promise<LoginLimits> {
  await app.register(rateLimit, { global: false });
  const limiters = [
    app.createRateLimit({
      max: loginAttemptsPerAddress,
      timeWindow: loginWindowSeconds * 1000,
      keyGenerator: (request) => `address:${request.ip}`,
    }),
    app.createRateLimit({
      max: loginAttemptsPerAccount,
      timeWindow: loginWindowSeconds * 1000,
      keyGenerator: (request) => `account:${emailOf(request)}`,
    }),
  ];
  const inTurn = oneAtATime();

  return {
    attempt(request, email, run) {
      // One view of the request per attempt: a batch shares the request.
      const call = Object.assign(Object.create(request), { loginEmail: email });

      return inTurn([`address:${request.ip}`, `account:${email}`], async () => {
        for (const limiter of limiters) {
          const limit = await limiter(call, { increment: false });
          if (limit.isAllowed || limit.remaining > 0) continue;

          request.log.warn(
            { limit: limit.key.split(':')[0] },
            'log-in limited',
          );
          const minutes = Math.max(1, Math.ceil(limit.ttlInSeconds / 60));
          throw new TRPCError({
            code: 'TOO_MANY_REQUESTS',
            message: `Too many failed log-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          });
        }

        try {
          return await run();
        } catch (error) {
          if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') {
            for (const limiter of limiters) await limiter(call);
          }
          throw error;
        }
      });
    },
  };
}

function emailOf(request: FastifyRequest): string {
  return (request as FastifyRequest & { loginEmail?: string }).loginEmail ?? '';
}

/** Runs work for the same keys one after another, in arrival order. */
function oneAtATime() {
  const tails = new Map<string, Promise<void>>();

  return async <T>(keys: string[], work: () => Promise<T>): Promise<T> => {
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = keys.map((key) => tails.get(key) ?? Promise.resolve());
    const mine = keys.map((key, index) => {
      const tail = (before[index] ?? Promise.resolve()).then(() => done);
      tails.set(key, tail);
      return tail;
    });

    await Promise.all(before);
    try {
      return await work();
    } finally {
      release();
      keys.forEach((key, index) => {
        if (tails.get(key) === mine[index]) tails.delete(key);
      });
    }
  };
}

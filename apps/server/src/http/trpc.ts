import {
  type FastifyTRPCPluginOptions,
  fastifyTRPCPlugin,
} from '@trpc/server/adapters/fastify';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { type AppRouter, appRouter, type Context } from '@vitrine/api';
import type { FastifyInstance } from 'fastify';
import type { LoginLimits } from './login-rate-limit.ts';
import { sessionCookieFor } from './session-cookie.ts';

export interface TrpcOptions {
  appOrigin: string | undefined;
  loginLimits: LoginLimits;
}

/**
 * Mounts the router under /trpc. Every request shares the same ports, and
 * gets its own session cookie and log-in limits.
 */
export async function serveTrpc(
  app: FastifyInstance,
  context: Context,
  { appOrigin, loginLimits }: TrpcOptions,
): Promise<void> {
  const options: FastifyTRPCPluginOptions<AppRouter> = {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => ({
        ...context,
        sessionCookie: sessionCookieFor(req, res, appOrigin),
        loginLimits: {
          attempt: (email, run) => loginLimits.attempt(req, email, run),
        },
      }),
      onError({ error, path, req }) {
        const fields = { procedure: path, code: error.code };
        // A 5xx is ours or the store's to fix; a 4xx is the caller's.
        if (getHTTPStatusCodeFromError(error) >= 500) {
          req.log.error(
            { ...fields, err: error.cause ?? error },
            'procedure failed',
          );
        } else {
          req.log.info(
            { ...fields, reason: error.message },
            'procedure refused',
          );
        }
      },
    },
  };

  await app.register(fastifyTRPCPlugin, options);
}

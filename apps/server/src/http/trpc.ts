import {
  type FastifyTRPCPluginOptions,
  fastifyTRPCPlugin,
} from '@trpc/server/adapters/fastify';
import { type AppRouter, appRouter, type Context } from '@vitrine/api';
import type { FastifyInstance } from 'fastify';

/** Mounts the router under /trpc; every request shares the same ports. */
export async function serveTrpc(
  app: FastifyInstance,
  context: Context,
): Promise<void> {
  const options: FastifyTRPCPluginOptions<AppRouter> = {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: () => context,
      onError({ error, path, req }) {
        const fields = { procedure: path, code: error.code };
        if (error.code === 'INTERNAL_SERVER_ERROR') {
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

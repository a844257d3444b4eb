import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built single-page app, and its index.html for any other GET,
 * so that client-side addresses like /products/7 survive a reload.
 */
export async function serveSpa(
  app: FastifyInstance,
  distDir: string,
): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: distDir });
  }

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/trpc/');
    if (!wantsPage) {
      return reply.code(404).send({ error: 'Not found', path: request.url });
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The web app is not built yet: run `pnpm build`, then reload.');
    }

    return reply.type('text/html').sendFile('index.html');
  });
}

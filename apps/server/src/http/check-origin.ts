import type { FastifyInstance } from 'fastify';
import { trpcErrorBody } from './trpc-error-body.ts';

const safeMethods = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Refuses an API mutation unless the browser says it comes from the app's
 * own origin. SameSite=Lax already keeps the cookie off most cross-site
 * requests; this also covers a sibling site on the same registrable domain,
 * and older browsers. A request without Origin is refused too: every
 * browser sends it on a POST, and other clients can set it.
 */
export function checkOrigin(
  app: FastifyInstance,
  allowedOrigins: () => string[],
): void {
  app.addHook('onRequest', async (request, reply) => {
    // Every unsafe method, whatever the path: the router decodes /%74rpc/
    // to /trpc/, so a check on the raw path could be walked around.
    if (safeMethods.includes(request.method)) return;
    const origin = request.headers.origin;
    if (origin && allowedOrigins().includes(origin)) return;

    request.log.info({ origin: origin ?? null }, 'mutation from elsewhere');
    return reply
      .code(403)
      .send(
        trpcErrorBody(
          request,
          'FORBIDDEN',
          403,
          origin
            ? `Changes are accepted only from the app's own address, not from ${origin}.`
            : "Changes are accepted only from the app's own address: send the Origin header.",
        ),
      );
  });
}

import type { FastifyInstance } from 'fastify';
import { trpcErrorBody } from './trpc-error-body.ts';

/**
 * Fastify's own 413 says "Request body is too large" in a shape the web app
 * cannot read; this one names the limit, in tRPC's shape. Other errors keep
 * Fastify's handling.
 */
export function explainBodyTooLarge(
  app: FastifyInstance,
  bodyLimitBytes: number,
): void {
  const limit = `${Math.round(bodyLimitBytes / 1024)} KB`;

  app.setErrorHandler((error, request, reply) => {
    const code = (error as { code?: unknown }).code;
    if (code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;

    request.log.info({ limit }, 'request body too large');
    return reply
      .code(413)
      .send(
        trpcErrorBody(
          request,
          'PAYLOAD_TOO_LARGE',
          413,
          `The request is larger than ${limit}, the most this app accepts; ` +
            'image files go straight to storage, never through this address.',
        ),
      );
  });
}

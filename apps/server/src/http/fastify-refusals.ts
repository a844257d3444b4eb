import type { FastifyInstance } from 'fastify';
import { trpcErrorBody } from './trpc-error-body.ts';

/**
 * Fastify refuses some requests before tRPC sees them, in a shape the web
 * app cannot read and with words like "Request body is too large". These
 * answers name the limit or the fix, in tRPC's shape. Other errors keep
 * Fastify's handling.
 */
export function explainFastifyRefusals(
  app: FastifyInstance,
  bodyLimitBytes: number,
): void {
  const limit = `${Math.round(bodyLimitBytes / 1024)} KB`;

  app.setErrorHandler((error, request, reply) => {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
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
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .code(415)
        .send(
          trpcErrorBody(
            request,
            'UNSUPPORTED_MEDIA_TYPE',
            415,
            'Send the request body as JSON, with Content-Type: application/json.',
          ),
        );
    }

    throw error;
  });
}

import type { FastifyInstance } from 'fastify';
import type { Context } from '../../packages/api/src/index.ts';
import { createUploads } from '../../packages/api/src/uploads/create-uploads.ts';
import { createUploadsInput } from '../../packages/api/src/uploads/schemas.ts';

/**
 * The benchmark's yardstick for target 2, never the product's code: the
 * same validation, signing and database work as `uploads.create`, on a
 * plain Fastify route with no tRPC in between. A refusal is a 500 here; the
 * benchmark stops on any answer that is not a 2xx.
 */
export function servePlainAsk(fastify: FastifyInstance, context: Context) {
  fastify.post('/plain/uploads', async (request, reply) => {
    const input = createUploadsInput.safeParse(request.body);
    if (!input.success) {
      return reply.code(400).send({ message: input.error.message });
    }

    return createUploads(context, input.data.productId, input.data.files);
  });
}

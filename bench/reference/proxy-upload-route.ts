import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';

/**
 * The benchmark's yardstick for target 4, never the product's code: image
 * bytes sent through the server, multipart to local disk. It is the least
 * a proxy can do (no checks, no database, no second hop to the bucket), so
 * the comparison with the direct flow errs in the proxy's favour. Needs
 * @fastify/multipart registered.
 */
export function serveProxyUpload(fastify: FastifyInstance, folder: string) {
  mkdirSync(folder, { recursive: true });

  fastify.post('/proxy/uploads', async (request, reply) => {
    const written: string[] = [];
    let bytes = 0;
    try {
      for await (const part of request.files()) {
        const path = join(folder, randomUUID());
        written.push(path);
        const file = createWriteStream(path);
        await pipeline(part.file, file);
        if (part.file.truncated) {
          return reply
            .code(413)
            .send({ message: `${part.filename} is too large` });
        }
        bytes += file.bytesWritten;
      }

      return { files: written.length, bytes };
    } finally {
      // The next request must not find the disk fuller than this one did.
      for (const path of written) rmSync(path, { force: true });
    }
  });
}

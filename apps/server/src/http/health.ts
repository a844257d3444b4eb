import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { Database } from '@vitrine/api';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Storage } from '../storage/open-storage.ts';

/** How long /readyz waits for the database or the bucket. */
const readyTimeoutMs = 2000;

/**
 * /healthz: the process is up and serving. /readyz: the database and the
 * bucket answer too, so a load balancer can hold traffic until they do.
 */
export function serveHealth(
  app: FastifyInstance,
  db: Kysely<Database>,
  storage: Storage,
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const [database, bucket] = await Promise.all([
      probe(() => sql`select 1`.execute(db)),
      probe(() =>
        storage.client.send(new HeadBucketCommand({ Bucket: storage.bucket })),
      ),
    ]);
    const ready = database === 'ok' && bucket === 'ok';
    if (!ready) request.log.warn({ database, bucket }, 'not ready');

    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ok' : 'unavailable', database, bucket });
  });
}

async function probe(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), readyTimeoutMs);
  });
  try {
    return await Promise.race([check().then(() => 'ok'), timeout]);
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

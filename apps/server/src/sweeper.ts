import { type Context, sweep } from '@vitrine/api';
import type { FastifyBaseLogger } from 'fastify';

/** Sweeps on a timer; returns a function that stops it. */
export function startSweeper(
  context: Context,
  intervalSeconds: number,
  log: FastifyBaseLogger,
): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { uploads, objects } = await sweep(context);
      if (objects.failed > 0) {
        log.warn(
          {
            uploads,
            deleted: objects.deleted,
            failed: objects.failed,
            err: objects.error,
          },
          'the store refused deletions; they stay queued',
        );
      } else if (uploads + objects.deleted > 0) {
        log.info({ uploads, deleted: objects.deleted }, 'swept');
      }
    } catch (error) {
      log.error({ err: error }, 'sweeping failed');
    } finally {
      running = false;
    }
  }, intervalSeconds * 1000);
  timer.unref();

  return () => clearInterval(timer);
}

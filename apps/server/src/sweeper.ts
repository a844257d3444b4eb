import { type Context, sweepExpiredUploads } from '@vitrine/api';
import type { FastifyBaseLogger } from 'fastify';

/** Sweeps expired uploads on a timer; returns a function that stops it. */
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
      const swept = await sweepExpiredUploads(context);
      if (swept > 0) log.info({ swept }, 'expired uploads swept');
    } catch (error) {
      log.error({ err: error }, 'sweeping expired uploads failed');
    } finally {
      running = false;
    }
  }, intervalSeconds * 1000);
  timer.unref();

  return () => clearInterval(timer);
}

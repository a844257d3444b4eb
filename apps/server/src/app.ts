import { fileURLToPath } from 'node:url';
import type { Context, Database } from '@vitrine/api';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config/load-config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { appOrigins } from './http/origins.ts';
import { serveSpa } from './http/spa.ts';
import { serveTrpc } from './http/trpc.ts';
import { openStorage, type Storage } from './storage/open-storage.ts';
import { startSweeper } from './sweeper.ts';

const defaultWebDist = fileURLToPath(
  new URL('../../web/dist', import.meta.url),
);

/** tRPC's batched GET URLs carry every input; Fastify's default is 100. */
const maxParamLength = 8 * 1024;

/** No procedure takes more than a few kilobytes; image bytes never come. */
const bodyLimitBytes = 1024 * 1024;

export interface RunningApp {
  /** The address to open, as printed on start. */
  url: string;
  fastify: FastifyInstance;
  db: Kysely<Database>;
  storage: Storage;
  context: Context;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Where the built SPA lives; apps/web/dist by default. */
  webDist?: string;
  /** A fixed clock for tests. */
  now?: () => Date;
}

/**
 * Opens the database and the store, serves the API and the SPA, and starts
 * the sweeper. `close` stops all of it.
 */
export async function startApp(
  config: Config,
  options: AppOptions = {},
): Promise<RunningApp> {
  const db = connectDatabase(config.database);
  await migrateToLatest(db);
  const storage = await openStorage(config.storage);
  const context: Context = {
    db,
    store: storage.store,
    now: options.now ?? (() => new Date()),
    limits: config.limits,
  };

  const fastify = Fastify({
    logger: { level: config.logLevel },
    routerOptions: { maxParamLength },
    bodyLimit: bodyLimitBytes,
  });
  await serveTrpc(fastify, context);
  await serveSpa(fastify, options.webDist ?? defaultWebDist);
  await fastify.listen({ port: config.port, host: config.host });

  const port = listeningPort(fastify);
  // The embedded bucket is ours to configure. A real bucket's CORS rules are
  // set by its owner: an R2 token limited to objects may not change them.
  if (storage.embedded) {
    await storage.allowOrigins(appOrigins(config.appOrigin, port));
  }
  const stopSweeper = startSweeper(
    context,
    config.sweepIntervalSeconds,
    fastify.log,
  );

  return {
    url: config.appOrigin ?? `http://localhost:${port}`,
    fastify,
    db,
    storage,
    context,
    async close() {
      stopSweeper();
      await fastify.close();
      await storage.close();
      await db.destroy();
    },
  };
}

function listeningPort(fastify: FastifyInstance): number {
  const address = fastify.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The server is not listening on a TCP port.');
  }

  return address.port;
}

import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import type { Context, Database } from '@vitrine/api';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config/load-config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createFirstAdmin } from './first-admin.ts';
import { checkOrigin } from './http/check-origin.ts';
import { explainFastifyRefusals } from './http/fastify-refusals.ts';
import { serveHealth } from './http/health.ts';
import { limitLogins } from './http/login-rate-limit.ts';
import { appOrigins } from './http/origins.ts';
import { logRequests } from './http/request-log.ts';
import { serveSecurityHeaders } from './http/security-headers.ts';
import { serveSpa } from './http/spa.ts';
import { serveTrpc } from './http/trpc.ts';
import { corsRuleFor, writeBucketCors } from './storage/bucket-cors.ts';
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
  /** Where log lines go; standard output by default. */
  logStream?: NodeJS.WritableStream;
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
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    disableRequestLogging: true,
    routerOptions: { maxParamLength },
    bodyLimit: bodyLimitBytes,
    // On close, answer requests in flight, then end idle connections.
    forceCloseConnections: 'idle',
  });
  // While closing, answers tell keep-alive clients to hang up, so that a
  // connection whose request was in flight does not hold the close open.
  let closing = false;
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  logRequests(fastify);
  explainFastifyRefusals(fastify, bodyLimitBytes);
  let origins: string[] | undefined;
  checkOrigin(fastify, () => {
    origins ??= appOrigins(config.appOrigin, listeningPort(fastify));
    return origins;
  });
  await serveSecurityHeaders(fastify, storage.store);
  await fastify.register(fastifyCookie);
  const loginLimits = await limitLogins(fastify);
  serveHealth(fastify, db, storage);
  await serveTrpc(fastify, context, {
    appOrigin: config.appOrigin,
    loginLimits,
  });
  await serveSpa(fastify, options.webDist ?? defaultWebDist);
  // The embedded defaults are for trying the app out: with no admin yet,
  // make one and tell its password once, in the log.
  if (storage.embedded) await createFirstAdmin(db, fastify.log, context.now());
  await fastify.listen({ port: config.port, host: config.host });

  const port = listeningPort(fastify);
  // The embedded bucket is ours to configure. A real bucket's CORS rules are
  // set by its owner: an R2 token limited to objects may not change them.
  if (storage.embedded) {
    const origins = appOrigins(config.appOrigin, port);
    await writeBucketCors(storage.client, storage.bucket, [
      corsRuleFor(origins),
    ]);
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
      closing = true;
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

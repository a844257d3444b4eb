import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import type { Context, Database } from '@vitrine/api';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
} from 'fastify';
import type { Kysely } from 'kysely';
import type { Config, DatabaseConfig } from './config/load-config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createFirstAdmin } from './first-admin.ts';
import { checkOrigin } from './http/check-origin.ts';
import { explainFastifyRefusals } from './http/fastify-refusals.ts';
import { serveHealth } from './http/health.ts';
import { listen, StartError } from './http/listen.ts';
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
  let log: FastifyBaseLogger | undefined;
  const db = connectDatabase(config.database, (error) =>
    log?.warn({ err: error }, 'a database connection was closed'),
  );
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw new StartError(
      `Cannot use the database ${describeDatabase(config.database)} ` +
        `(${rootMessage(error)}): check DATABASE_URL, and that the ` +
        'database server is running and lets this user in.',
      error,
    );
  }
  const storage = await openStorage(config.storage);
  const context: Context = {
    db,
    store: storage.store,
    now: options.now ?? (() => new Date()),
    limits: config.limits,
    photos: config.photos,
  };

  const fastify = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Fastify's two lines per request give way to the one of request-log.ts.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength },
    bodyLimit: bodyLimitBytes,
    // On close, answer requests in flight, then end idle connections.
    forceCloseConnections: 'idle',
  });
  log = fastify.log;
  // While closing, answers tell keep-alive clients to hang up, so that a
  // connection whose request was in flight does not hold the close open.
  let closing = false;
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  logRequests(fastify);
  explainFastifyRefusals(fastify, bodyLimitBytes);
  // Known once listening; requests come after that.
  let port = 0;
  let origins: string[] | undefined;
  checkOrigin(fastify, () => {
    origins ??= appOrigins(config.appOrigin, port);
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
  try {
    port = await listen(fastify, config.host, config.port);
  } catch (error) {
    await fastify.close();
    await storage.close();
    await db.destroy();
    throw error;
  }

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

/** Where the database is, without its password. */
function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') return database.path;
  const url = new URL(database.url);

  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** The innermost cause's message: "connect ECONNREFUSED 127.0.0.1:1". */
function rootMessage(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause !== undefined) {
    cause = cause.cause;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { type RunningApp, startApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config/load-config.ts';
import { secretsInLog } from './secrets-in-log.ts';
import {
  type ApiClient,
  ensureTestAdmin,
  type SessionClient,
  sessionClient,
  signedInClient,
} from './session-client.ts';
import { createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: RunningApp;
  /** Where the database file and the store's objects are kept. */
  dataDir: string;
  /** The environment the app was started with, for child processes. */
  env: Record<string, string>;
  /** Every log line the server wrote, at trace level unless LOG_LEVEL says. */
  logs: string[];
  /** A client signed in as the test admin, with the app's Origin. */
  api: ApiClient;
  /** The signed-in client's session token, as its cookie holds it. */
  sessionToken: string;
  /** A client with the app's Origin and no session yet. */
  newClient(): SessionClient;
  /** Moves the server's clock; real time does not pass for it otherwise. */
  clock: { now: Date };
  listKeys(): Promise<string[]>;
  countRows(
    table:
      | 'product'
      | 'image'
      | 'upload'
      | 'object_deletion'
      | 'admin'
      | 'session',
  ): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the whole app on embedded defaults in a fresh folder: a real
 * SQLite file, the real embedded S3 server, real HTTP on loopback.
 */
export async function startTestApp(
  env: Record<string, string> = {},
): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'vitrine-test-'));
  const clock = { now: new Date() };
  const database = env.DATABASE_URL
    ? { env: {}, drop: async () => {} }
    : await createTestDatabase();
  const appEnv = {
    PORT: '0',
    // Everything is logged, and kept: close() searches it for secrets.
    LOG_LEVEL: 'trace',
    ...database.env,
    ...env,
    DATA_DIR: dataDir,
  };
  const config = loadConfig(appEnv);
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await startApp(config, { now: () => clock.now, logStream });
  await ensureTestAdmin(app.db);
  const signedIn = await signedInClient(app.url);

  return {
    app,
    dataDir,
    env: appEnv,
    logs,
    api: signedIn.api,
    sessionToken: signedIn.token() ?? '',
    newClient: () => sessionClient(app.url),
    clock,
    async listKeys() {
      const listing = await app.storage.client.send(
        new ListObjectsV2Command({ Bucket: app.storage.bucket }),
      );
      return (listing.Contents ?? []).map((object) => object.Key ?? '');
    },
    async countRows(table) {
      const row = await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
      // Every test app of the suite ends here: a secret in any of their
      // logs fails the test file that started it.
      const found = secretsInLog(logs.join('\n'), storageSecret(config));
      if (found.length > 0) {
        throw new Error(`The server's log holds ${found.join(' and ')}.`);
      }
    },
  };
}

/** The embedded store's keys are fixed: see embedded-s3.ts. */
function storageSecret(config: Config): string {
  return config.storage.kind === 's3'
    ? config.storage.secretAccessKey
    : 'S3RVER';
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningApp, startApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config/load-config.ts';
import { appOrigins } from '../../server/src/http/origins.ts';
import {
  corsRuleFor,
  writeBucketCors,
} from '../../server/src/storage/bucket-cors.ts';
import { startExternalStore } from '../../server/test/support/external-store.ts';

/** A store the test owns: it can stop it and start it again. */
export interface OwnStore {
  endpoint: string;
  stop(): Promise<void>;
  /** Starts it again on the same port, with the same objects. */
  start(): Promise<void>;
  listKeys(): Promise<string[]>;
}

export interface E2eApp {
  url: string;
  app: RunningApp;
  store: OwnStore;
  close(): Promise<void>;
}

/**
 * The whole app in this process, configured like a real deployment with
 * S3_* variables, against an s3rver that the test starts itself so that it
 * can stop and restart the store in the middle of an upload.
 */
export async function startE2eApp(): Promise<E2eApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-'));
  const external = await startExternalStore();
  const app = await startApp(
    loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      ...external.env,
    }),
  );
  // A real bucket's owner sets its CORS rules; here the test is the owner.
  const appPort = Number(new URL(app.url).port);
  await writeBucketCors(external.client, external.env.S3_BUCKET ?? '', [
    corsRuleFor(appOrigins(undefined, appPort)),
  ]);

  return {
    url: app.url,
    app,
    store: {
      endpoint: external.env.S3_ENDPOINT ?? '',
      stop: external.stop,
      start: external.restart,
      listKeys: external.listKeys,
    },
    async close() {
      await app.close();
      await external.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

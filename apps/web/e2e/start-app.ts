import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type RunningApp, startApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { appOrigins } from '../../server/src/http/origins.ts';
import {
  applyBucketCors,
  ensureBucket,
} from '../../server/src/storage/bucket-setup.ts';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../server/src/storage/embedded-s3.ts';
import { createS3Client } from '../../server/src/storage/s3-client.ts';
// Renamed: its `use` prefix is not a React hook's, whatever lint thinks.
import { useBucketPathWithoutSlash as fixS3rverBucketPath } from '../../server/src/storage/s3rver-bucket-path.ts';

const bucket = 'vitrine-e2e';

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
  const storeDir = join(dataDir, 'store');
  let s3: EmbeddedS3 | undefined = await startEmbeddedS3(storeDir);
  const endpoint = s3.endpoint;
  const port = Number(new URL(endpoint).port);
  const admin = fixedClient(s3);
  await ensureBucket(admin, bucket);

  const app = await startApp(
    loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_BUCKET: bucket,
      PUBLIC_BASE_URL: `${endpoint}/${bucket}`,
    }),
  );
  // This store is s3rver, whose bucket-level calls (DeleteObjects among
  // them) need the path fix of docs/decisions/0002; the app applies it
  // only to the store it starts itself.
  fixS3rverBucketPath(app.storage.client);
  const appPort = Number(new URL(app.url).port);
  await applyBucketCors(admin, bucket, appOrigins(undefined, appPort));

  const store: OwnStore = {
    endpoint,
    async stop() {
      await s3?.stop();
      s3 = undefined;
    },
    async start() {
      s3 = await startEmbeddedS3(storeDir, port);
    },
    async listKeys() {
      const listing = await admin.send(
        new ListObjectsV2Command({ Bucket: bucket }),
      );
      return (listing.Contents ?? []).map((object) => object.Key ?? '');
    },
  };

  return {
    url: app.url,
    app,
    store,
    async close() {
      await app.close();
      admin.destroy();
      await s3?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function fixedClient(s3: EmbeddedS3): S3Client {
  const client = createS3Client({ ...s3, region: 'us-east-1' });
  fixS3rverBucketPath(client);
  return client;
}

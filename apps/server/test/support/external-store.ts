import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { ensureBucket } from '../../src/storage/bucket-setup.ts';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../src/storage/embedded-s3.ts';
import { listObjects } from '../../src/storage/list-objects.ts';
import { createS3Client } from '../../src/storage/s3-client.ts';
import { useBucketPathWithoutSlash } from '../../src/storage/s3rver-bucket-path.ts';

const bucket = 'shop';

export interface ExternalStore {
  /** Environment that points the app at this store as if it were R2. */
  env: Record<string, string>;
  client: S3Client;
  port: number;
  listKeys(): Promise<string[]>;
  stop(): Promise<void>;
  /** Starts the store again on the same port with the same objects. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * An S3-compatible store in its own right, outside the app, so a test can
 * stop and restart it, or share it between two servers.
 */
export async function startExternalStore(): Promise<ExternalStore> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-store-'));
  let server: EmbeddedS3 | undefined = await startEmbeddedS3(dir);
  const port = Number(new URL(server.endpoint).port);
  const client = createS3Client({ ...server, region: 'us-east-1' });
  useBucketPathWithoutSlash(client);
  await ensureBucket(client, bucket);

  return {
    env: {
      S3_ENDPOINT: server.endpoint,
      S3_ACCESS_KEY_ID: server.accessKeyId,
      S3_SECRET_ACCESS_KEY: server.secretAccessKey,
      S3_BUCKET: bucket,
      PUBLIC_BASE_URL: `${server.endpoint}/${bucket}`,
    },
    client,
    port,
    async listKeys() {
      const keys: string[] = [];
      for await (const object of listObjects(client, bucket, '')) {
        keys.push(object.key);
      }
      return keys;
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async restart() {
      server = await startEmbeddedS3(dir, port);
    },
    async close() {
      client.destroy();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

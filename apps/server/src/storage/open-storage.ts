import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '@vitrine/api';
import type { StorageConfig } from '../config/load-config.ts';
import { ensureBucket } from './bucket-setup.ts';
import { startEmbeddedS3OnItsPort } from './embedded-port.ts';
import { createS3Client } from './s3-client.ts';
import { createS3Store } from './s3-store.ts';
import { useBucketPathWithoutSlash } from './s3rver-bucket-path.ts';

export interface Storage {
  store: ObjectStore;
  client: S3Client;
  bucket: string;
  endpoint: string;
  embedded: boolean;
  /** Where the bucket is served from, when it is public. */
  publicBaseUrl: string | undefined;
  close(): Promise<void>;
}

/**
 * Connects to the configured store, or starts the embedded one with its
 * bucket created. Either way the app talks to it through the same client
 * and adapter.
 */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  if (config.kind === 's3') {
    const client = createS3Client(config);
    return {
      store: createS3Store({ ...config, client }),
      client,
      bucket: config.bucket,
      endpoint: config.endpoint,
      embedded: false,
      publicBaseUrl: config.publicBaseUrl,
      close: async () => client.destroy(),
    };
  }

  const embedded = await startEmbeddedS3OnItsPort(config.directory);
  const client = createS3Client({ ...embedded, region: 'us-east-1' });
  useBucketPathWithoutSlash(client);
  await ensureBucket(client, config.bucket);
  // s3rver serves objects to anyone, like a public R2 bucket on r2.dev.
  const publicBaseUrl = `${embedded.endpoint}/${config.bucket}`;

  return {
    store: createS3Store({ client, bucket: config.bucket, publicBaseUrl }),
    client,
    bucket: config.bucket,
    endpoint: embedded.endpoint,
    embedded: true,
    publicBaseUrl,
    async close() {
      client.destroy();
      await embedded.stop();
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  corsRuleFor,
  writeBucketCors,
} from '../../apps/server/src/storage/bucket-cors.ts';
import { ensureBucket } from '../../apps/server/src/storage/bucket-setup.ts';
import { startEmbeddedS3 } from '../../apps/server/src/storage/embedded-s3.ts';
import { createS3Client } from '../../apps/server/src/storage/s3-client.ts';
import { useBucketPathWithoutSlash } from '../../apps/server/src/storage/s3rver-bucket-path.ts';
import { serveCommands } from './serve-commands.ts';

// The product's embedded store, in a process of its own: it stands for R2,
// which is never the app server's CPU or memory.

const bucket = process.env.BENCH_BUCKET ?? 'vitrine';
const directory = mkdtempSync(join(tmpdir(), 'vitrine-bench-store-'));
const store = await startEmbeddedS3(directory);
const client = createS3Client({ ...store, region: 'us-east-1' });
useBucketPathWithoutSlash(client);
await ensureBucket(client, bucket);

serveCommands(
  {
    address: async () => ({ ...store, bucket }),
    'allow-origins': async (origins: string[]) =>
      writeBucketCors(client, bucket, [corsRuleFor(origins)]),
  },
  async () => {
    client.destroy();
    await store.stop();
    rmSync(directory, { recursive: true, force: true });
  },
);

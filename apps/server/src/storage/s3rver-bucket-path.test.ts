import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetBucketCorsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedS3, startEmbeddedS3 } from './embedded-s3.ts';
import { createS3Client } from './s3-client.ts';
import { useBucketPathWithoutSlash } from './s3rver-bucket-path.ts';

let dir: string;
let server: EmbeddedS3;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-s3rver-'));
  server = await startEmbeddedS3(dir);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function client(withFix: boolean) {
  const s3 = createS3Client({ ...server, region: 'us-east-1' });
  if (withFix) useBucketPathWithoutSlash(s3);
  return s3;
}

describe('bucket-level calls to the embedded s3rver', () => {
  // Guards the reason the fix exists: when s3rver or the SDK stops
  // disagreeing on the path, this fails and the fix can go.
  it('fail with SignatureDoesNotMatch without the fix', async () => {
    const error = await client(false)
      .send(new CreateBucketCommand({ Bucket: 'unfixed' }))
      .catch((caught: { name?: string }) => caught);

    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch' });
  });

  it('work with the fix: create, CORS, list and delete', async () => {
    const s3 = client(true);
    const Bucket = 'fixed';

    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(
      new PutBucketCorsCommand({
        Bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: ['http://localhost:3000'],
              AllowedMethods: ['PUT'],
              AllowedHeaders: ['content-type'],
            },
          ],
        },
      }),
    );
    const cors = await s3.send(new GetBucketCorsCommand({ Bucket }));
    expect(cors.CORSRules?.[0]?.AllowedOrigins).toEqual([
      'http://localhost:3000',
    ]);

    for (const Key of ['a/1.jpg', 'a/2.jpg']) {
      await s3.send(new PutObjectCommand({ Bucket, Key, Body: 'x' }));
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual([
      'a/1.jpg',
      'a/2.jpg',
    ]);

    await s3.send(
      new DeleteObjectsCommand({
        Bucket,
        Delete: { Objects: [{ Key: 'a/1.jpg' }, { Key: 'a/2.jpg' }] },
      }),
    );
    const after = await s3.send(new ListObjectsV2Command({ Bucket }));
    expect(after.Contents ?? []).toEqual([]);
  });

  it('leave object paths alone', async () => {
    const s3 = client(true);
    await s3.send(new CreateBucketCommand({ Bucket: 'objects' }));

    await s3.send(
      new PutObjectCommand({ Bucket: 'objects', Key: 'dir/', Body: 'x' }),
    );
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: 'objects' }),
    );
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['dir/']);
  });
});

describe('unsigned requests to the embedded s3rver', () => {
  it('are refused, except reading an object', async () => {
    const s3 = client(true);
    await s3.send(new CreateBucketCommand({ Bucket: 'public' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'public', Key: 'a.jpg', Body: 'x' }),
    );
    const at = (path: string) => `${server.endpoint}/public${path}`;

    const put = await fetch(at('/b.svg'), {
      method: 'PUT',
      headers: { 'content-type': 'image/svg+xml' },
      body: '<svg/>',
    });
    const remove = await fetch(at('/a.jpg'), { method: 'DELETE' });
    const list = await fetch(at('?list-type=2'));
    const read = await fetch(at('/a.jpg'));

    expect([put.status, remove.status, list.status]).toEqual([403, 403, 403]);
    expect(await put.text()).toContain('<Code>AccessDenied</Code>');
    expect(read.status).toBe(200);
    expect(await read.text()).toBe('x');
  });
});

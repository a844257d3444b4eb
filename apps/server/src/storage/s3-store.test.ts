import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStore } from '@vitrine/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBucket } from './bucket-setup.ts';
import { type EmbeddedS3, startEmbeddedS3 } from './embedded-s3.ts';
import { createS3Client } from './s3-client.ts';
import { createS3Store } from './s3-store.ts';
import { useBucketPathWithoutSlash } from './s3rver-bucket-path.ts';
import { createUrlSigner } from './url-signer.ts';

const bucket = 'store-test';
const jpeg = new Uint8Array(2048).fill(7);
let dir: string;
let server: EmbeddedS3;
let client: S3Client;
let store: ObjectStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-s3-'));
  server = await startEmbeddedS3(dir);
  client = createS3Client({ ...server, region: 'us-east-1' });
  useBucketPathWithoutSlash(client);
  await ensureBucket(client, bucket);
  store = createS3Store({ client, bucket, publicBaseUrl: undefined });
});

afterAll(async () => {
  client?.destroy();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function sign(key: string, signedAt = new Date()) {
  return store.signPut({
    key,
    contentType: 'image/jpeg',
    byteSize: jpeg.length,
    signedAt,
    expiresInSeconds: 600,
  });
}

async function put(url: string, type: string, body: Uint8Array) {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': type },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

async function keys(): Promise<string[]> {
  const listing = await client.send(
    new ListObjectsV2Command({ Bucket: bucket }),
  );
  return (listing.Contents ?? []).map((object) => object.Key ?? '');
}

describe('signed PUT URLs', () => {
  it('sign Content-Type, Content-Length and host, and no checksum', async () => {
    const { url, headers } = await sign('products/1/a.jpg');
    const query = new URL(url).searchParams;

    expect(query.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host',
    );
    expect(query.get('X-Amz-Expires')).toBe('600');
    const names = [...query.keys()].map((name) => name.toLowerCase());
    expect(names.filter((name) => name.includes('checksum'))).toEqual([]);
    expect(headers).toEqual({ 'Content-Type': 'image/jpeg' });
  });

  it('are accepted by the store with the signed type and length', async () => {
    const { url } = await sign('products/1/ok.jpg');

    expect(await put(url, 'image/jpeg', jpeg)).toBe(200);
    expect(await store.head('products/1/ok.jpg')).toEqual({
      byteSize: jpeg.length,
      contentType: 'image/jpeg',
      etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
    });
  });

  it.each([
    ['another type', 'image/png', jpeg],
    ['another length', 'image/jpeg', new Uint8Array(jpeg.length + 1)],
    ['a shorter body', 'image/jpeg', jpeg.subarray(1)],
  ])('are refused by the store with %s', async (_, type, body) => {
    const key = `products/1/${type.replace('/', '-')}-${body.length}.jpg`;
    const { url } = await sign(key);

    expect(await put(url, type, body)).toBe(403);
    expect(await keys()).not.toContain(key);
  });

  it('are refused by the store when the signature is tampered', async () => {
    const key = 'products/1/tampered.jpg';
    const url = new URL((await sign(key)).url);
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const flipped = signature.startsWith('0') ? '1' : '0';
    url.searchParams.set('X-Amz-Signature', flipped + signature.slice(1));

    expect(await put(url.toString(), 'image/jpeg', jpeg)).toBe(403);
    expect(await keys()).not.toContain(key);
  });

  it('are refused by the store once expired', async () => {
    const key = 'products/1/expired.jpg';
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    const { url } = await sign(key, elevenMinutesAgo);

    expect(await put(url, 'image/jpeg', jpeg)).toBe(403);
    expect(await keys()).not.toContain(key);
  });
});

describe('signed URLs, built on a request made once per bucket', () => {
  it('are the same for the same object and time', async () => {
    const signedAt = new Date('2026-01-02T03:04:05Z');

    expect((await sign('products/1/same.jpg', signedAt)).url).toBe(
      (await sign('products/1/same.jpg', signedAt)).url,
    );
  });

  it('give one GET URL per quarter hour, valid for the time asked', async () => {
    const signer = createUrlSigner(client, bucket);
    const hour = 60 * 60;
    const at = (time: string) =>
      signer.signGet('products/1/cached.jpg', hour, new Date(time));

    const early = await at('2026-01-02T03:00:10Z');
    expect(await at('2026-01-02T03:14:59Z')).toBe(early);
    expect(await at('2026-01-02T03:15:00Z')).not.toBe(early);

    const late = new URL(await at('2026-01-02T03:14:59Z'));
    expect(late.searchParams.get('X-Amz-Date')).toBe('20260102T030000Z');
    // Signed at 03:00 for 75 minutes: still an hour left at 03:14:59.
    expect(late.searchParams.get('X-Amz-Expires')).toBe(String(hour + 900));
  });

  it('encode a key the way the store checks it', async () => {
    const key = "products/1/odd name+ü(1)'*!.jpg";
    const { url } = await sign(key);

    expect(new URL(url).pathname).toBe(
      `/${bucket}/products/1/odd%20name%2B%C3%BC%281%29%27%2A%21.jpg`,
    );
    expect(await put(url, 'image/jpeg', jpeg)).toBe(200);
    // HEAD goes through the SDK's own key encoding: it finds the object
    // only when both encodings agree.
    expect(await store.head(key)).toMatchObject({
      byteSize: jpeg.length,
      contentType: 'image/jpeg',
    });
  });

  it('refuse a client that createS3Client did not build', async () => {
    const virtualHosted = new S3Client({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const other = createS3Store({
      client: virtualHosted,
      bucket,
      publicBaseUrl: undefined,
    });

    await expect(other.urlFor('products/1/a.jpg')).rejects.toThrow(
      /path-style clients with an endpoint/,
    );
    virtualHosted.destroy();
  });
});

describe('the store adapter', () => {
  it('reads a byte range and deletes objects, missing ones too', async () => {
    const key = 'products/2/range.jpg';
    const { url } = await sign(key);
    const bytes = jpeg.map((_, index) => index % 251);
    expect(await put(url, 'image/jpeg', bytes)).toBe(200);

    expect(await store.readRange(key, 10, 19)).toEqual(bytes.slice(10, 20));
    await store.delete([key, 'products/2/never-there.jpg']);
    expect(await store.head(key)).toBeUndefined();
  });

  it('copies an object inside the bucket, type and all', async () => {
    const { url } = await sign('products/3/source.jpg');
    expect(await put(url, 'image/jpeg', jpeg)).toBe(200);

    await store.copy('products/3/source.jpg', 'products/3/copy.jpg');

    expect(await store.head('products/3/copy.jpg')).toMatchObject({
      byteSize: jpeg.length,
      contentType: 'image/jpeg',
    });
  });

  it('reads the size, the type and the first bytes in one request', async () => {
    const key = 'products/2/start.jpg';
    const { url } = await sign(key);
    const bytes = jpeg.map((_, index) => index % 251);
    expect(await put(url, 'image/jpeg', bytes)).toBe(200);

    expect(await store.readStart(key, 100)).toEqual({
      byteSize: jpeg.length,
      contentType: 'image/jpeg',
      etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      bytes: bytes.slice(0, 100),
    });
    expect((await store.readStart(key, 1_000_000))?.bytes).toEqual(bytes);
    expect(await store.readStart('products/2/never-there.jpg', 100)).toBe(
      undefined,
    );
  });

  it('gives signed GET URLs for a private bucket', async () => {
    const url = new URL(await store.urlFor('products/1/ok.jpg'));

    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect((await fetch(url)).status).toBe(200);
  });
});

// These pin down two facts about the AWS SDK that the adapter guards
// against; if a new SDK version changes them, these tests say so.
describe('the AWS SDK defaults the adapter works around', () => {
  const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
  const command = () =>
    new PutObjectCommand({
      Bucket: 'b',
      Key: 'k.jpg',
      ContentType: 'image/jpeg',
      ContentLength: 10,
    });

  it('adds checksum parameters to signed URLs unless told not to', async () => {
    const defaults = new S3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'auto',
      forcePathStyle: true,
      credentials: keys,
    });
    const url = new URL(await getSignedUrl(defaults, command()));

    expect(url.searchParams.has('x-amz-checksum-crc32')).toBe(true);
    expect(url.searchParams.has('x-amz-sdk-checksum-algorithm')).toBe(true);
  });

  it('leaves Content-Type unsigned unless it is named', async () => {
    const ours = createS3Client({
      endpoint: 'http://127.0.0.1:9',
      region: 'auto',
      ...keys,
    });
    const url = new URL(await getSignedUrl(ours, command()));

    expect(url.searchParams.get('X-Amz-SignedHeaders')).not.toContain(
      'content-type',
    );
  });
});

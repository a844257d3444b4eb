import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { runCli } from './support/run-cli.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

const hour = 60 * 60 * 1000;

// The commands run as separate processes on the data a closed app left
// behind: the same database and, on embedded defaults, the same store.
let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

async function withAppClosed<T>(run: () => Promise<T>): Promise<T> {
  await test.app.close();
  try {
    return await run();
  } finally {
    test = await startTestApp(test.env);
  }
}

describe('doctor', () => {
  it('passes every check on embedded defaults', async () => {
    // The app set the bucket's CORS rules for the address it served on.
    const env = { ...test.env, APP_ORIGIN: test.app.url };
    const { code, stdout } = await withAppClosed(() => runCli(['doctor'], env));

    const lines = stdout.trim().split('\n');
    expect(lines.map((line) => line.split(':')[0])).toEqual([
      '✓ configuration',
      '✓ database',
      '✓ migrations',
      '✓ bucket',
      '✓ CORS',
      '✓ signed upload',
      '✓ public URL',
      '✓ probe deleted',
      'All good.',
    ]);
    expect(code).toBe(0);
  });

  it('names the failing checks with a fix when the keys are wrong', async () => {
    const { code, stdout } = await runCli(['doctor'], {
      ...test.env,
      S3_ENDPOINT: test.app.storage.endpoint,
      S3_BUCKET: test.app.storage.bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'not-the-secret',
    });

    expect(stdout).toContain(
      '✗ bucket: the store refused the keys for vitrine; check ' +
        'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    );
    expect(stdout).toMatch(
      /✗ signed upload: the store refused a signed PUT \(403\)/,
    );
    expect(stdout).not.toContain('not-the-secret');
    expect(code).toBe(1);
  });

  it('lists every bad variable and stops', async () => {
    const { code, stderr } = await runCli(['doctor'], {
      ...test.env,
      PORT: 'x',
      UPLOAD_URL_TTL_SECONDS: '999999999',
    });

    expect(stderr).toContain('PORT: expected a port number');
    expect(stderr).toContain('UPLOAD_URL_TTL_SECONDS: expected');
    expect(code).toBe(2);
  });
});

describe('storage:cors', () => {
  // A tester's guess of localhost:3000 replaced a running server's rules.
  it('changes nothing without APP_ORIGIN, and says what to set', async () => {
    const { code, stdout } = await runCli(['storage:cors'], test.env);

    expect(stdout).toContain(
      'APP_ORIGIN is not set: set it to the address admins open',
    );
    expect(code).toBe(2);
  });

  it('sets the rules for APP_ORIGIN, then finds nothing to change', async () => {
    const env = { ...test.env, APP_ORIGIN: 'https://admin.shop.example' };
    const [first, second] = await withAppClosed(async () => [
      await runCli(['storage:cors'], env),
      await runCli(['storage:cors'], env),
    ]);

    expect(first.stdout).toContain('Changed the CORS rules of vitrine:');
    expect(first.stdout).toContain(
      '+ origins https://admin.shop.example; methods GET,HEAD,PUT; ' +
        'headers content-type,x-amz-checksum-sha256; expose ETag; ' +
        'max-age 3600',
    );
    expect(second.stdout).toContain(
      'The CORS rules of vitrine are already right:',
    );
    expect([first.code, second.code]).toEqual([0, 0]);
  });
});

describe('audit', () => {
  it('finds orphans and missing objects; --fix deletes old orphans', async () => {
    const product = await test.api.products.create.mutate({ name: 'Audit' });
    const { completed } = await uploadFiles(test, product.id, [
      {
        name: 'a.jpg',
        type: 'image/jpeg',
        bytes: fixtureBytes('accept/jpeg-baseline.jpg'),
      },
      {
        name: 'b.jpg',
        type: 'image/jpeg',
        bytes: fixtureBytes('accept/jpeg-baseline.jpg'),
      },
    ]);
    const [kept, lost] = completed.images;
    const lostKey = `products/${product.id}/${lost?.url.split('/').pop()}`;
    await test.app.storage.store.delete([lostKey]);
    for (const key of ['products/999/old-orphan.jpg', 'products/999/new.jpg']) {
      await test.app.storage.client.send(
        new PutObjectCommand({
          Bucket: test.app.storage.bucket,
          Key: key,
          Body: 'x',
        }),
      );
    }
    // s3rver reports an object's file time as its LastModified.
    const anHourAgo = new Date(Date.now() - hour);
    utimesSync(
      join(
        test.dataDir,
        's3/vitrine/products/999/old-orphan.jpg._S3rver_object',
      ),
      anHourAgo,
      anHourAgo,
    );

    const [report, fixed, after] = await withAppClosed(async () => [
      await runCli(['audit'], test.env),
      await runCli(['audit', '--fix'], test.env),
      await runCli(['audit'], test.env),
    ]);

    expect(report.stdout).toContain('2 orphan(s), 1 missing object(s).');
    expect(report.stdout).toContain('orphan: products/999/old-orphan.jpg');
    expect(report.stdout).toContain(
      `missing: image ${lost?.id} of product ${product.id} ("b.jpg")`,
    );
    expect(report.code).toBe(1);
    expect(fixed.stdout).toContain(
      'Deleted 1 orphan(s); left 1 younger than an upload',
    );
    expect(fixed.stdout).toContain('Cannot repair 1 image(s)');
    expect(after.stdout).toContain('1 orphan(s), 1 missing object(s).');
    expect(after.stdout).not.toContain('old-orphan');
    expect(kept?.originalName).toBe('a.jpg');
  });
});

import { expect, it } from 'vitest';
import { startExternalStore } from './support/external-store.ts';
import { fixtureBytes } from './support/fixtures.ts';
import { secretsInLog } from './support/secrets-in-log.ts';
import { testAdmin } from './support/session-client.ts';
import { startTestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

// Every test app logs at trace level and is searched for secrets when it
// closes (see test-app.ts), as is every spawned server's output. This file
// makes sure that search is not looking at nothing, nor blind.

it('keeps the secret, signed URLs and sessions out of a trace log', async () => {
  const store = await startExternalStore();
  const test = await startTestApp(store.env);
  try {
    const product = await test.api.products.create.mutate({ name: 'Quiet' });
    const photo = fixtureBytes('accept/jpeg-baseline.jpg');
    const { tickets, completed } = await uploadFiles(test, product.id, [
      { name: 'a.jpg', type: 'image/jpeg', bytes: photo },
    ]);
    await test.api.auth.logout.mutate();
    const log = test.logs.join('\n');
    const secret = store.env.S3_SECRET_ACCESS_KEY ?? '';

    // The capture works: trace lines of this very flow are there.
    expect(completed.images).toHaveLength(1);
    expect(log).toContain('uploads.complete');
    expect(secret).not.toBe('');
    // And the search would see each secret if it were there.
    const url = tickets[0]?.url ?? '';
    // s3rver's key id and secret are the same word, so both show here.
    expect(secretsInLog(url, secret)).toContain('a signed URL');
    expect(secretsInLog(`key ${secret}`, secret)).toEqual([
      'the storage secret',
    ]);
    expect(secretsInLog(testAdmin.password, secret)).toEqual([
      "the test admin's password",
    ]);
    expect(secretsInLog(log, secret)).toEqual([]);
    expect(log).not.toContain(test.sessionToken);
  } finally {
    await test.close();
    await store.close();
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loginAttemptsPerAccount,
  loginAttemptsPerAddress,
} from '../src/http/login-rate-limit.ts';
import { readBucketCors } from '../src/storage/bucket-cors.ts';
import { refusal } from './support/refusal.ts';
import { sessionClient, testAdmin } from './support/session-client.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

function post(path: string, body: string, headers: Record<string, string>) {
  return fetch(`${test.app.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('the Origin check', () => {
  const cases = [
    { what: 'another site', origin: 'https://evil.example' },
    { what: 'a sibling port', origin: 'http://localhost:1' },
    { what: 'no Origin at all', origin: undefined },
  ];

  it.each(cases)('refuses a mutation from $what', async ({ origin }) => {
    const before = await test.countRows('product');
    const response = await post(
      'products.create',
      JSON.stringify({ name: 'Planted' }),
      {
        cookie: `vitrine_session=${test.sessionToken}`,
        ...(origin ? { origin } : {}),
      },
    );
    const body = (await response.json()) as {
      error: { message: string; data: { code: string } };
    };

    expect(response.status).toBe(403);
    expect(body.error.data.code).toBe('FORBIDDEN');
    expect(body.error.message).toMatch(/only from the app's own address/);
    expect(await test.countRows('product')).toBe(before);
  });

  it('accepts both loopback names of the app', async () => {
    const port = new URL(test.app.url).port;
    for (const host of ['localhost', '127.0.0.1']) {
      const response = await post(
        'products.create',
        JSON.stringify({ name: `From ${host}` }),
        {
          cookie: `vitrine_session=${test.sessionToken}`,
          origin: `http://${host}:${port}`,
        },
      );
      expect(response.status).toBe(200);
    }
  });
});

describe('log-in limits', () => {
  it('refuses an account after repeated failures, even the right password', async () => {
    const client = sessionClient(test.app.url);
    const target = { email: 'nobody-yet@example.com', password: 'x' };
    for (let i = 0; i < loginAttemptsPerAccount; i++) {
      const error = await refusal(client.api.auth.login.mutate(target));
      expect(error.data?.httpStatus).toBe(401);
    }

    const limited = await refusal(client.api.auth.login.mutate(target));
    expect(limited.data?.httpStatus).toBe(429);
    expect(limited.message).toMatch(
      /^Too many failed log-ins; try again in \d+ minutes?\.$/,
    );
  });

  it('refuses an address after failures across many accounts', async () => {
    const client = sessionClient(test.app.url);
    // The previous test's failures count for this address too.
    const left = loginAttemptsPerAddress - loginAttemptsPerAccount;
    for (let i = 0; i < left; i++) {
      await refusal(
        client.api.auth.login.mutate({
          email: `guess-${i}@example.com`,
          password: 'x',
        }),
      );
    }

    const limited = await refusal(client.api.auth.login.mutate(testAdmin));
    expect(limited.data?.httpStatus).toBe(429);
    expect(client.token()).toBeUndefined();
  });
});

describe('answers', () => {
  it('carry security headers and a Content Security Policy', async () => {
    const response = await fetch(test.app.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    const store = new URL(test.app.storage.endpoint).origin;
    const directives = Object.fromEntries(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values];
      }),
    );

    expect(directives['default-src']).toEqual(["'self'"]);
    // WebAssembly for converting HEIC photos; never JavaScript eval.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['img-src']).toEqual(["'self'", 'blob:', 'data:', store]);
    expect(directives['connect-src']).toEqual(["'self'", store]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuse a body over the limit with a clear 413', async () => {
    const before = await test.countRows('product');
    const response = await post(
      'products.create',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      {
        cookie: `vitrine_session=${test.sessionToken}`,
        origin: test.app.url,
      },
    );
    const body = (await response.json()) as {
      error: { message: string; data: { code: string } };
    };

    expect(response.status).toBe(413);
    expect(body.error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toBe(
      'The request is larger than 1024 KB, the most this app accepts; ' +
        'image files go straight to storage, never through this address.',
    );
    expect(await test.countRows('product')).toBe(before);
  });
});

describe('the bucket', () => {
  it("lets only the app's origins PUT the signed type, and read the ETag", async () => {
    const rules = await readBucketCors(
      test.app.storage.client,
      test.app.storage.bucket,
    );
    const port = new URL(test.app.url).port;

    expect(rules).toEqual([
      expect.objectContaining({
        AllowedOrigins: [
          `http://localhost:${port}`,
          `http://127.0.0.1:${port}`,
        ],
        AllowedMethods: ['PUT', 'GET', 'HEAD'],
        AllowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
        ExposeHeaders: ['ETag'],
      }),
    ]);
  });
});

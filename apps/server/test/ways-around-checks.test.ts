import { createAdmin } from '@vitrine/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

// A fresh app: log-in limits are counted per process, from zero.
let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

// Found by a tester: each of these walked around a limit or a check.
describe('ways around the checks', () => {
  it('cannot batch guesses past the account limit', async () => {
    const target = 'batched@example.com';
    await createAdmin(test.app.db, target, 'the right password 1', new Date());
    const guesses = Array.from({ length: 15 }, (_, index) => ({
      email: target,
      password: index === 12 ? 'the right password 1' : `guess ${index}`,
    }));
    const procedures = guesses.map(() => 'auth.login').join(',');
    const body = JSON.stringify(Object.fromEntries(guesses.entries()));

    const response = await fetch(`${test.app.url}/trpc/${procedures}?batch=1`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: new URL(test.app.url).origin,
      },
      body,
    });
    const answers = (await response.json()) as {
      error?: { data?: { httpStatus?: number } };
    }[];

    const statuses = answers.map((answer) => answer.error?.data?.httpStatus);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('checks the Origin of a path the router decodes', async () => {
    const before = await test.app.db
      .selectFrom('product')
      .select('id')
      .execute();

    const response = await fetch(`${test.app.url}/%74rpc/products.create`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `vitrine_session=${test.sessionToken}`,
      },
      body: JSON.stringify({ name: 'Through the side door' }),
    });

    expect(response.status).toBe(403);
    const after = await test.app.db
      .selectFrom('product')
      .select('id')
      .execute();
    expect(after).toEqual(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.ts';
import { runCli } from './support/run-cli.ts';
import { sessionClient } from './support/session-client.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({ LOG_LEVEL: 'info' });
});
afterAll(() => test?.close());

describe('the first start on embedded defaults', () => {
  it('creates admin@localhost and logs its one-time password once', async () => {
    const lines = test.logs.filter((line) => line.includes('one-time'));
    expect(lines).toHaveLength(1);
    const password = /one-time password (\S+)/.exec(lines[0] ?? '')?.[1];
    expect(lines[0]).toContain('pnpm cli admin:reset-password admin@localhost');

    const client = sessionClient(test.app.url);
    const admin = await client.api.auth.login.mutate({
      email: 'admin@localhost',
      password: password ?? '',
    });
    expect(admin).toEqual({
      email: 'admin@localhost',
      mustChangePassword: true,
    });
  });

  it('does not make another admin on the next start', async () => {
    await test.app.close();
    test = await startTestApp({ ...test.env, LOG_LEVEL: 'info' });

    expect(test.logs.filter((line) => line.includes('one-time'))).toEqual([]);
    // admin@localhost and the tests' own admin.
    expect(await test.countRows('admin')).toBe(2);
  });
});

describe('the admin commands', () => {
  const email = 'owner@shop.example';
  const password = 'the owner chose this one';

  it('create an admin with a password from standard input', async () => {
    const created = await runCli(
      ['admin:create', email],
      test.env,
      `${password}\n`,
    );
    expect(created.stdout.trim()).toBe(`Created the admin ${email}.`);
    expect(created.code).toBe(0);

    const client = sessionClient(test.app.url);
    await client.api.auth.login.mutate({ email, password });
    expect((await client.api.auth.me.query()).email).toBe(email);
  });

  it('refuse a password given as an argument, or a short one', async () => {
    const inArgs = await runCli(
      ['admin:create', 'someone@shop.example', 'password-in-argv'],
      test.env,
    );
    expect(inArgs.code).toBe(2);
    expect(inArgs.stdout).toMatch(/never give it as an argument/);

    const short = await runCli(
      ['admin:create', 'someone@shop.example'],
      test.env,
      'short\n',
    );
    expect(short.code).toBe(2);
    expect(short.stdout.trim()).toBe(
      'The password must be at least 12 characters; nothing was changed.',
    );
    const taken = await runCli(
      ['admin:create', email],
      test.env,
      `${password}\n`,
    );
    expect(taken.code).toBe(1);
    expect(taken.stdout).toMatch(/already an admin/);
  });

  it('reset a password and end the sessions it had', async () => {
    const client = sessionClient(test.app.url);
    await client.api.auth.login.mutate({ email, password });
    const newPassword = 'reset from the command line';

    const reset = await runCli(
      ['admin:reset-password', email],
      test.env,
      `${newPassword}\n`,
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout.trim()).toBe(
      `Set a new password for ${email}; its sessions have ended.`,
    );

    expect((await refusal(client.api.auth.me.query())).data?.code).toBe(
      'UNAUTHORIZED',
    );
    const old = await refusal(
      client.api.auth.login.mutate({ email, password }),
    );
    expect(old.data?.httpStatus).toBe(401);
    await client.api.auth.login.mutate({ email, password: newPassword });

    const unknown = await runCli(
      ['admin:reset-password', 'ghost@shop.example'],
      test.env,
      `${newPassword}\n`,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/There is no admin with the email/);
  });

  it('never log or print a password', () => {
    const all = test.logs.join('\n');
    expect(all).not.toContain('the owner chose this one');
    expect(all).not.toContain('reset from the command line');
  });
});

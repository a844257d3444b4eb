import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { spawnServer } from './support/spawn-server.ts';

// Found by testers: a taken port or an unreachable database printed a raw
// stack trace. Each now gets one sentence, exit code 2.
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-start-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function failedStart(env: Record<string, string>): Promise<string> {
  return spawnServer(env).then(
    async (server) => {
      await server.stop();
      return 'started';
    },
    (error: Error) => error.message,
  );
}

it('explains a port that is taken, and exits', async () => {
  const first = await spawnServer({ LOG_LEVEL: 'warn', DATA_DIR: dataDir() });
  const port = new URL(first.url).port;
  try {
    const second = await failedStart({ PORT: port, DATA_DIR: dataDir() });

    expect(second).toContain(
      `Port ${port} on 127.0.0.1 is already in use: stop what runs there, ` +
        'or set PORT to another port (0 picks a free one).',
    );
    expect(second).toContain('The server exited (2)');
    expect(second).not.toContain('    at ');
  } finally {
    await first.stop();
  }
});

it('explains a database it cannot reach, without its password', async () => {
  const message = await failedStart({
    DATA_DIR: dataDir(),
    DATABASE_URL: 'postgres://shop:hunter2@127.0.0.1:1/vitrine',
  });

  expect(message).toContain(
    'Cannot use the database 127.0.0.1:1/vitrine (connect ECONNREFUSED ' +
      '127.0.0.1:1): check DATABASE_URL, and that the database server is ' +
      'running and lets this user in.',
  );
  expect(message).toContain('The server exited (2)');
  expect(message).not.toContain('hunter2');
  expect(message).not.toContain('    at ');
});

// Found in CI: two servers starting at once on one new SQLite file both
// ran the first migration, and the second stopped.
it('migrates one new SQLite file from two processes at once', async () => {
  const env = { DATA_DIR: dataDir(), LOG_LEVEL: 'silent' };

  const runs = await Promise.all([
    runCli(['migrate'], env),
    runCli(['migrate'], env),
    runCli(['migrate'], env),
  ]);

  expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
  const after = await runCli(['migrate'], env);
  expect(after.stdout).toContain('Already up to date.');
});

import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresCluster {
  /** A superuser URL to the `postgres` database, trusted on loopback. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL cluster with Debian's initdb and pg_ctl,
 * listening on 127.0.0.1 on a free port, its files in a temporary folder.
 * PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-pg-'));
  const asPostgres = process.getuid?.() === 0;
  const exec = (tool: string, args: string[]) =>
    asPostgres
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args])
      : run(join(bin, tool), args);
  if (asPostgres) chownSync(dir, ...(await postgresIds()));

  const data = join(dir, 'data');
  await exec('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  // fsync off: a test cluster need not survive a power cut.
  const options = `-p ${port} -h 127.0.0.1 -k ${dir} -F`;
  await exec('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest PostgreSQL under /usr/lib/postgresql, or PG_BIN. */
function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = safeList(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) {
    throw new Error(
      'PostgreSQL is not installed: the database tests need initdb and ' +
        'pg_ctl (Debian: apt-get install postgresql), or PG_BIN pointing ' +
        'at their folder.',
    );
  }

  return join(root, versions[0], 'bin');
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The uid and gid of the `postgres` user that Debian's package makes. */
async function postgresIds(): Promise<[number, number]> {
  const id = async (flag: string) =>
    Number((await run('id', [flag, 'postgres'])).stdout.trim());

  return [await id('-u'), await id('-g')];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

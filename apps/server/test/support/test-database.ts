import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** Environment that points the app at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * The database the server tests run against: SQLite in the data folder by
 * default, or a fresh database in the run's PostgreSQL cluster when the
 * test project says so (see vitest.config.ts).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.VITRINE_TEST_DATABASE !== 'postgres') {
    return { env: {}, drop: async () => {} };
  }

  const adminUrl = inject('postgresUrl');
  const name = `vitrine_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  return {
    env: { DATABASE_URL: url.toString() },
    drop: () => adminQuery(adminUrl, `drop database ${name} with (force)`),
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

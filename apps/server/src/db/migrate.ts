import type { Database } from '@vitrine/api';
import { type Kysely, Migrator, SqliteAdapter } from 'kysely';
import { migrations } from './migrations/index.ts';

/** How long a server waits for another one migrating the same file. */
const sqliteRetryMs = 10_000;

/** Brings the schema up to date; returns the names of migrations it ran. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  // Two servers starting at once on one SQLite file: Kysely takes no lock
  // across processes there (it does on PostgreSQL), so the second fails on
  // a table the first just made. Each migration commits on its own, so
  // trying again picks up where the other one got to.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const deadline = Date.now() + (sqlite ? sqliteRetryMs : 0);
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (!error) {
      return results
        .filter((result) => result.status === 'Success')
        .map((result) => result.migrationName);
    }
    if (Date.now() >= deadline) {
      throw new Error('The database migration failed.', { cause: error });
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** The names of migrations the database has not run yet. */
export async function pendingMigrations(
  db: Kysely<Database>,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const all = await migrator.getMigrations();

  return all
    .filter((migration) => migration.executedAt === undefined)
    .map((migration) => migration.name);
}

import type { Database } from '@vitrine/api';
import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

/** Brings the schema up to date; returns the names of migrations it ran. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    // Two servers starting at once on one SQLite file: Kysely takes no
    // lock across processes there, so the second fails on tables the first
    // just made. Nothing left to run means the other one finished the job.
    if ((await pendingMigrations(db)).length === 0) return [];
    throw new Error('The database migration failed.', { cause: error });
  }

  return results
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
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

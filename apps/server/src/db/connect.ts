import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '@vitrine/api';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/load-config.ts';

/**
 * Opens the configured database: a SQLite file, or a PostgreSQL pool.
 * `onIdleError` hears of a pooled connection the server closed (a restart,
 * an administrator): pg drops it and opens another for the next query.
 */
export function connectDatabase(
  config: DatabaseConfig,
  onIdleError: (error: Error) => void = () => {},
): Kysely<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // Without a listener, such an error would end the whole process.
    pool.on('error', onIdleError);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }

  mkdirSync(dirname(config.path), { recursive: true });
  const sqlite = new SQLite(config.path);
  // WAL lets readers run while a write commits; with synchronous=NORMAL a
  // commit waits for no fsync, and WAL still survives a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // A second process on the same file waits for the writer, not fails.
  sqlite.pragma('busy_timeout = 5000');

  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
  });
}

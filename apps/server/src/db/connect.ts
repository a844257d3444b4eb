import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '@vitrine/api';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

/** Opens the SQLite database file, creating its folder when needed. */
export function connectDatabase(path: string): Kysely<Database> {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run while a write commits; with synchronous=NORMAL a
  // commit waits for no fsync, and WAL still survives a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
  });
}

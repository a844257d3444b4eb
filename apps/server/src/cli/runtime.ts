import type { Context, Database } from '@vitrine/api';
import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.ts';
import { connectDatabase } from '../db/connect.ts';
import { openStorage, type Storage } from '../storage/open-storage.ts';

/** What a command works with, opened on first use and closed at the end. */
export interface Runtime {
  config: Config;
  db(): Kysely<Database>;
  storage(): Promise<Storage>;
  context(): Promise<Context>;
  /** Writes one line for the person running the command. */
  print(line: string): void;
  close(): Promise<void>;
}

export function createRuntime(
  config: Config,
  print: (line: string) => void,
): Runtime {
  let db: Kysely<Database> | undefined;
  let storage: Promise<Storage> | undefined;

  const runtime: Runtime = {
    config,
    print,
    db: () => {
      db ??= connectDatabase(config.database);
      return db;
    },
    storage: () => {
      storage ??= openStorage(config.storage);
      return storage;
    },
    async context() {
      return {
        db: runtime.db(),
        store: (await runtime.storage()).store,
        now: () => new Date(),
        limits: config.limits,
        photos: config.photos,
      };
    },
    async close() {
      await (await storage)?.close();
      await db?.destroy();
    },
  };

  return runtime;
}

import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { ObjectStore } from './store.ts';

/** What the host hands every procedure: the two ports, a clock and limits. */
export interface Context {
  db: Kysely<Database>;
  store: ObjectStore;
  now: () => Date;
  limits: UploadLimits;
}

export interface UploadLimits {
  maxUploadBytes: number;
  urlTtlSeconds: number;
  confirmGraceSeconds: number;
  maxImagePixels: number;
}

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

/**
 * What the host adds for each request: its session cookie, and the log-in
 * rate limits, which the host keeps per address and per account.
 */
export interface RequestContext extends Context {
  sessionCookie: SessionCookie;
  loginLimits: LoginLimits;
}

/** Failed log-ins counted per address and per account by the host. */
export interface LoginLimits {
  /** Throws a TOO_MANY_REQUESTS TRPCError past either limit. */
  check(email: string): Promise<void>;
  countFailure(email: string): Promise<void>;
}

export interface SessionCookie {
  read(): string | undefined;
  write(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface UploadLimits {
  maxUploadBytes: number;
  urlTtlSeconds: number;
  confirmGraceSeconds: number;
  maxImagePixels: number;
}

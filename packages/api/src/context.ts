import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { ObjectStore } from './store.ts';

/** What the host hands every procedure: the two ports, a clock and limits. */
export interface Context {
  db: Kysely<Database>;
  store: ObjectStore;
  now: () => Date;
  limits: UploadLimits;
  photos: PhotoSettings;
}

/**
 * What the browser does to each photo before it is signed, set by the
 * host: photos are downscaled to `maxImageEdge` pixels on their longest
 * edge, and JPEGs lose their location and camera details when
 * `removeMetadata` is on. The server does not enforce either.
 */
export interface PhotoSettings {
  maxImageEdge: number;
  removeMetadata: boolean;
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
  /**
   * Runs one log-in attempt: refused with TOO_MANY_REQUESTS past either
   * limit, counted as a failure when `run` throws. Attempts for the same
   * account or address run one after another, so that many sent at once
   * (or in one batched request) cannot all pass before one is counted.
   */
  attempt<T>(email: string, run: () => Promise<T>): Promise<T>;
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

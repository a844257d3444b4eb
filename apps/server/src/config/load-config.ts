import { resolve } from 'node:path';
import type { PhotoSettings } from '@vitrine/api';
import { confirmGraceSeconds, maxImagePixels } from '@vitrine/api/rules';
import { type Env, envSchema } from './env-schema.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  appOrigin: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  storage: StorageConfig;
  limits: {
    maxUploadBytes: number;
    urlTtlSeconds: number;
    confirmGraceSeconds: number;
    maxImagePixels: number;
  };
  /** What the browser does to each photo before its upload. */
  photos: PhotoSettings;
  sweepIntervalSeconds: number;
}

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

/** Either a real S3-compatible store, or the embedded one on loopback. */
export type StorageConfig =
  | {
      kind: 's3';
      endpoint: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      bucket: string;
      publicBaseUrl: string | undefined;
    }
  | { kind: 'embedded'; directory: string; bucket: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The configuration is not valid:\n${problems
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration once, at start. Every bad variable is listed in
 * one error, each with what it expects; secrets are never echoed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: expected ${issue.message}`,
      ),
    );
  }
  const vars = parsed.data;
  const problems: string[] = [];
  const dataDir = resolve(vars.DATA_DIR);
  const storage = storageConfig(vars, dataDir, problems);
  const database = databaseConfig(vars, dataDir, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    database,
    appOrigin: vars.APP_ORIGIN && new URL(vars.APP_ORIGIN).origin,
    logLevel: vars.LOG_LEVEL,
    storage,
    limits: {
      maxUploadBytes: vars.MAX_UPLOAD_BYTES,
      urlTtlSeconds: vars.UPLOAD_URL_TTL_SECONDS,
      confirmGraceSeconds,
      maxImagePixels,
    },
    photos: {
      maxImageEdge: vars.MAX_IMAGE_EDGE,
      removeMetadata: vars.REMOVE_PHOTO_METADATA,
    },
    sweepIntervalSeconds: vars.SWEEP_INTERVAL_SECONDS,
  };
}

function databaseConfig(
  vars: Env,
  dataDir: string,
  problems: string[],
): DatabaseConfig {
  const url = vars.DATABASE_URL;
  if (!url) return { kind: 'sqlite', path: resolve(dataDir, 'vitrine.sqlite') };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // "mysql://…" is a mistake, not a file name.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      problems.push(
        'DATABASE_URL: expected a SQLite file path or ' +
          'postgres://user:password@host:5432/database',
      );
    }
    return { kind: 'sqlite', path: resolve(url) };
  }
  if (!URL.canParse(url)) {
    problems.push(
      'DATABASE_URL: expected postgres://user:password@host:5432/database',
    );
  }

  return { kind: 'postgres', url };
}

const storageVars = [
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_BUCKET',
] as const;

function storageConfig(
  vars: Env,
  dataDir: string,
  problems: string[],
): StorageConfig {
  const { R2_ACCOUNT_ID, S3_ENDPOINT, S3_BUCKET } = vars;
  const anySet =
    R2_ACCOUNT_ID || S3_ENDPOINT || storageVars.some((name) => vars[name]);
  if (!anySet) {
    return {
      kind: 'embedded',
      directory: resolve(dataDir, 's3'),
      bucket: 'vitrine',
    };
  }

  if (R2_ACCOUNT_ID && S3_ENDPOINT) {
    problems.push(
      'R2_ACCOUNT_ID, S3_ENDPOINT: expected only one of them; R2_ACCOUNT_ID ' +
        'builds the R2 endpoint, S3_ENDPOINT names any other store',
    );
  }
  if (!R2_ACCOUNT_ID && !S3_ENDPOINT) {
    problems.push(
      'R2_ACCOUNT_ID or S3_ENDPOINT: expected a value, since other S3_ ' +
        'settings are set',
    );
  }
  for (const name of storageVars) {
    if (!vars[name]) {
      problems.push(
        `${name}: expected a value, since other S3_ settings are set`,
      );
    }
  }
  if (S3_ENDPOINT && S3_BUCKET) {
    checkEndpointHasNoBucket(S3_ENDPOINT, S3_BUCKET, problems);
  }

  return {
    kind: 's3',
    endpoint: R2_ACCOUNT_ID
      ? `https://${R2_ACCOUNT_ID}.r2.cloudflarestorage.com`
      : (S3_ENDPOINT ?? ''),
    region: vars.S3_REGION ?? (R2_ACCOUNT_ID ? 'auto' : 'us-east-1'),
    accessKeyId: vars.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: vars.S3_SECRET_ACCESS_KEY ?? '',
    bucket: S3_BUCKET ?? '',
    publicBaseUrl: vars.PUBLIC_BASE_URL,
  };
}

/**
 * A common slip is to paste the bucket's own address as the endpoint. The
 * client adds the bucket to the path itself, so every key would then sit
 * under a second bucket name, or the signature would not match.
 */
function checkEndpointHasNoBucket(
  endpoint: string,
  bucket: string,
  problems: string[],
): void {
  const url = new URL(endpoint);
  const inPath = url.pathname.replace(/\/+$/, '') !== '';
  const inHost = url.hostname.startsWith(`${bucket}.`);
  if (!inPath && !inHost) return;

  problems.push(
    `S3_ENDPOINT: expected the store's address without the bucket ` +
      `(like ${url.protocol}//${inHost ? url.hostname.slice(bucket.length + 1) : url.host}); ` +
      'the bucket goes in S3_BUCKET',
  );
}

import { resolve } from 'node:path';
import {
  confirmGraceSeconds,
  defaultMaxUploadBytes,
  maxImagePixels,
  uploadUrlTtlSeconds,
} from '@vitrine/api/rules';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'a port number from 0 to 65535' })
    .int()
    .min(0)
    .max(65535)
    .default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalText,
  APP_ORIGIN: optionalText.pipe(
    z.url({ error: 'an address like https://admin.example.com' }).optional(),
  ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  R2_ACCOUNT_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[a-f0-9]{32}$/, { error: 'the 32-character R2 account id' })
      .optional(),
  ),
  S3_ENDPOINT: optionalText.pipe(
    z.url({ error: 'an address like https://s3.example.com' }).optional(),
  ),
  S3_REGION: optionalText,
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_BUCKET: optionalText,
  PUBLIC_BASE_URL: optionalText.pipe(
    z.url({ error: 'an address like https://images.example.com' }).optional(),
  ),
  MAX_UPLOAD_BYTES: z.coerce
    .number({ error: 'a whole number of bytes' })
    .int()
    .positive()
    .default(defaultMaxUploadBytes),
  SWEEP_INTERVAL_SECONDS: z.coerce
    .number({ error: 'a whole number of seconds' })
    .int()
    .positive()
    .default(60),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A SQLite file path; PostgreSQL arrives with its own issue. */
  databasePath: string;
  appOrigin: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  storage: StorageConfig;
  limits: {
    maxUploadBytes: number;
    urlTtlSeconds: number;
    confirmGraceSeconds: number;
    maxImagePixels: number;
  };
  sweepIntervalSeconds: number;
}

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

/** Reads the configuration once, listing every bad variable at once. */
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
  const dataDir = resolve(vars.DATA_DIR);

  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir,
    databasePath: vars.DATABASE_URL ?? resolve(dataDir, 'vitrine.sqlite'),
    appOrigin: vars.APP_ORIGIN,
    logLevel: vars.LOG_LEVEL,
    storage: storageConfig(vars, dataDir),
    limits: {
      maxUploadBytes: vars.MAX_UPLOAD_BYTES,
      urlTtlSeconds: uploadUrlTtlSeconds,
      confirmGraceSeconds,
      maxImagePixels,
    },
    sweepIntervalSeconds: vars.SWEEP_INTERVAL_SECONDS,
  };
}

const storageVars = [
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_BUCKET',
] as const;

function storageConfig(vars: Env, dataDir: string): StorageConfig {
  const endpoint = vars.R2_ACCOUNT_ID
    ? `https://${vars.R2_ACCOUNT_ID}.r2.cloudflarestorage.com`
    : vars.S3_ENDPOINT;
  const anySet = endpoint || storageVars.some((name) => vars[name]);
  if (!anySet) {
    return {
      kind: 'embedded',
      directory: resolve(dataDir, 's3'),
      bucket: 'vitrine',
    };
  }

  const { S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_BUCKET } = vars;
  if (!endpoint || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY || !S3_BUCKET) {
    const missing: string[] = storageVars.filter((name) => !vars[name]);
    if (!endpoint) missing.unshift('R2_ACCOUNT_ID or S3_ENDPOINT');
    throw new ConfigError(
      missing.map(
        (name) => `${name}: expected a value, since other S3_ settings are set`,
      ),
    );
  }

  return {
    kind: 's3',
    endpoint,
    region: vars.S3_REGION ?? (vars.R2_ACCOUNT_ID ? 'auto' : 'us-east-1'),
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    bucket: S3_BUCKET,
    publicBaseUrl: vars.PUBLIC_BASE_URL,
  };
}

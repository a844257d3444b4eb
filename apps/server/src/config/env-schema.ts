import {
  defaultMaxImageEdge,
  defaultMaxUploadBytes,
  uploadUrlTtlSeconds,
} from '@vitrine/api/rules';
import { z } from 'zod';

/** S3 and R2 refuse pre-signed URLs that live longer than 7 days. */
export const maxPresignedUrlSeconds = 7 * 24 * 60 * 60;

/** An empty variable counts as unset, as in most shells' .env files. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && value.trim() === ''
        ? undefined
        : typeof value === 'string'
          ? value.trim()
          : value,
    schema.optional(),
  );

const httpUrl = (example: string) =>
  z.url({
    protocol: /^https?$/,
    error: `an http(s) address like ${example}`,
  });

const wholeNumber = (what: string, min: number, max: number, whyMax = '') => {
  const expected = `${what} from ${min} to ${max}`;
  return z.coerce
    .number({ error: expected })
    .int({ error: expected })
    .min(min, { error: expected })
    .max(max, { error: `${expected}${whyMax}` });
};

/**
 * Every environment variable the server reads. Each error message says
 * what is expected, to follow "NAME: expected ".
 */
export const envSchema = z.object({
  PORT: optional(wholeNumber('a port number', 0, 65535)).default(3000),
  HOST: optional(z.string()).default('127.0.0.1'),
  DATA_DIR: optional(z.string()).default('./data'),
  DATABASE_URL: optional(z.string()),
  APP_ORIGIN: optional(httpUrl('https://admin.example.com')),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'one of fatal, error, warn, info, debug, trace, silent',
    }),
  ).default('info'),
  R2_ACCOUNT_ID: optional(
    z.string().regex(/^[a-f0-9]{32}$/, {
      error: 'the 32-character account id from the R2 dashboard',
    }),
  ),
  S3_ENDPOINT: optional(httpUrl('https://s3.example.com')),
  S3_REGION: optional(z.string()),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: 'a bucket name: 3–63 lowercase letters, digits, dots or dashes',
    }),
  ),
  PUBLIC_BASE_URL: optional(httpUrl('https://images.example.com')),
  MAX_UPLOAD_BYTES: optional(
    wholeNumber('a whole number of bytes', 1, 5 * 1024 ** 3),
  ).default(defaultMaxUploadBytes),
  UPLOAD_URL_TTL_SECONDS: optional(
    wholeNumber(
      'a number of seconds',
      60,
      maxPresignedUrlSeconds,
      ' (7 days): S3 and R2 refuse longer pre-signed URLs',
    ),
  ).default(uploadUrlTtlSeconds),
  MAX_IMAGE_EDGE: optional(
    wholeNumber('a number of pixels', 320, 16_384),
  ).default(defaultMaxImageEdge),
  REMOVE_PHOTO_METADATA: optional(
    z.enum(['true', 'false'], { error: 'true or false' }),
  )
    .default('true')
    .transform((value) => value === 'true'),
  SWEEP_INTERVAL_SECONDS: optional(
    wholeNumber('a whole number of seconds', 1, 24 * 60 * 60),
  ).default(60),
});

export type Env = z.infer<typeof envSchema>;

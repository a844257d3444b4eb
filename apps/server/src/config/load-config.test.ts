import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      database: { kind: 'sqlite', path: resolve('data', 'vitrine.sqlite') },
      storage: { kind: 'embedded', directory: resolve('data', 's3') },
      limits: { maxUploadBytes: 10 * 1024 * 1024, urlTtlSeconds: 600 },
      photos: { maxImageEdge: 2560, removeMetadata: true },
    });
  });

  it('reads the photo settings, and says what they take', () => {
    const config = loadConfig({
      MAX_IMAGE_EDGE: '1600',
      REMOVE_PHOTO_METADATA: 'false',
    });
    expect(config.photos).toEqual({
      maxImageEdge: 1600,
      removeMetadata: false,
    });

    const error = catchError(() =>
      loadConfig({ MAX_IMAGE_EDGE: '100', REMOVE_PHOTO_METADATA: 'no' }),
    );
    expect(error.problems).toEqual([
      'MAX_IMAGE_EDGE: expected a number of pixels from 320 to 16384',
      'REMOVE_PHOTO_METADATA: expected true or false',
    ]);
  });

  it('builds the R2 endpoint from the account id, region auto', () => {
    const config = loadConfig({
      R2_ACCOUNT_ID: '0123456789abcdef0123456789abcdef',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_BUCKET: 'shop',
      PUBLIC_BASE_URL: 'https://images.example.com',
    });

    expect(config.storage).toEqual({
      kind: 's3',
      endpoint:
        'https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com',
      region: 'auto',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      bucket: 'shop',
      publicBaseUrl: 'https://images.example.com',
    });
  });

  it('lists every bad variable at once, by name', () => {
    const error = catchError(() =>
      loadConfig({
        PORT: 'eighty',
        MAX_UPLOAD_BYTES: '-1',
        APP_ORIGIN: 'nope',
      }),
    );

    expect(error.problems).toEqual([
      'PORT: expected a port number from 0 to 65535',
      'APP_ORIGIN: expected an http(s) address like https://admin.example.com',
      'MAX_UPLOAD_BYTES: expected a whole number of bytes from 1 to 5368709120',
    ]);
  });

  it('refuses a pre-signed URL expiry over 7 days, saying why', () => {
    const error = catchError(() =>
      loadConfig({ UPLOAD_URL_TTL_SECONDS: String(8 * 24 * 3600) }),
    );

    expect(error.problems).toEqual([
      'UPLOAD_URL_TTL_SECONDS: expected a number of seconds from 60 to ' +
        '604800 (7 days): S3 and R2 refuse longer pre-signed URLs',
    ]);
  });

  it.each([
    ['in the path', 'https://s3.example.com/shop'],
    ['in the host', 'https://shop.s3.example.com'],
  ])('refuses an endpoint with the bucket %s', (_, endpoint) => {
    const error = catchError(() =>
      loadConfig({
        S3_ENDPOINT: endpoint,
        S3_BUCKET: 'shop',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
      }),
    );

    expect(error.problems).toEqual([
      "S3_ENDPOINT: expected the store's address without the bucket (like " +
        'https://s3.example.com); the bucket goes in S3_BUCKET',
    ]);
  });

  it('switches to PostgreSQL for a postgres:// DATABASE_URL', () => {
    const url = 'postgres://vitrine:pw@db.internal:5432/vitrine';

    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({
      kind: 'postgres',
      url,
    });
    expect(loadConfig({ DATABASE_URL: 'shop.sqlite' }).database).toEqual({
      kind: 'sqlite',
      path: resolve('shop.sqlite'),
    });
  });

  it('refuses a DATABASE_URL of another kind of database', () => {
    const error = catchError(() =>
      loadConfig({ DATABASE_URL: 'mysql://shop@db/vitrine' }),
    );

    expect(error.problems).toEqual([
      'DATABASE_URL: expected a SQLite file path or ' +
        'postgres://user:password@host:5432/database',
    ]);
  });

  it('never echoes a secret in its errors', () => {
    const error = catchError(() =>
      loadConfig({ S3_SECRET_ACCESS_KEY: 'hunter2-very-secret' }),
    );

    expect(error.message).not.toContain('hunter2');
  });

  it('names what is missing when storage is half set', () => {
    const error = catchError(() => loadConfig({ S3_BUCKET: 'shop' }));

    expect(error.problems).toEqual([
      'R2_ACCOUNT_ID or S3_ENDPOINT: expected a value, since other S3_ ' +
        'settings are set',
      'S3_ACCESS_KEY_ID: expected a value, since other S3_ settings are set',
      'S3_SECRET_ACCESS_KEY: expected a value, since other S3_ settings are ' +
        'set',
    ]);
    expect(error.message).not.toContain('shop');
  });
});

function catchError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

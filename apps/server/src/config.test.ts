import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('data'),
      databasePath: resolve('data', 'vitrine.sqlite'),
      storage: { kind: 'embedded', directory: resolve('data', 's3') },
      limits: { maxUploadBytes: 10 * 1024 * 1024, urlTtlSeconds: 600 },
    });
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
      expect.stringMatching(/^PORT: expected a port number/),
      expect.stringMatching(/^APP_ORIGIN: expected an address/),
      expect.stringMatching(/^MAX_UPLOAD_BYTES: expected/),
    ]);
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

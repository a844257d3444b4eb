import { randomBytes } from 'node:crypto';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate.ts';
import { appOrigins } from '../http/origins.ts';
import type { Runtime } from './runtime.ts';

/** A check passes, or fails with what to do about it. */
type Check = () => Promise<{ ok: true; detail: string } | { fix: string }>;

/**
 * Checks what Vitrine needs, one line each, with a fix for each failure:
 * the database, the bucket and its keys, CORS for the app's origin, and a
 * real signed upload of a probe object that is then deleted.
 */
export async function doctorCommand(runtime: Runtime): Promise<number> {
  const { config } = runtime;
  const origin = appOrigins(config.appOrigin, config.port)[0] ?? '';
  const probe = {
    key: `doctor/probe-${randomBytes(8).toString('hex')}.txt`,
    body: new TextEncoder().encode(
      `vitrine doctor ${new Date().toISOString()}`,
    ),
  };

  const checks: [string, Check][] = [
    ['configuration', async () => ({ ok: true, detail: describe(runtime) })],
    ['database', () => checkDatabase(runtime)],
    ['migrations', () => checkMigrations(runtime)],
    ['bucket', () => checkBucket(runtime)],
    ['CORS', () => checkCors(runtime, origin)],
    ['signed upload', () => checkSignedPut(runtime, probe)],
    ['public URL', () => checkPublicUrl(runtime, probe)],
    ['probe deleted', () => checkProbeDeleted(runtime, probe.key)],
  ];

  let failed = 0;
  for (const [name, check] of checks) {
    const result = await check().catch((error: unknown) => ({
      fix: `unexpected error: ${String(error)}`,
    }));
    if ('ok' in result) {
      runtime.print(`✓ ${name}: ${result.detail}`);
    } else {
      failed += 1;
      runtime.print(`✗ ${name}: ${result.fix}`);
    }
  }

  runtime.print(failed === 0 ? 'All good.' : `${failed} check(s) failed.`);
  return failed === 0 ? 0 : 1;
}

interface Probe {
  key: string;
  body: Uint8Array;
}

function describe(runtime: Runtime): string {
  const { database, storage } = runtime.config;
  const db = database.kind === 'postgres' ? 'PostgreSQL' : database.path;
  const store =
    storage.kind === 's3'
      ? `${storage.endpoint}, bucket ${storage.bucket}`
      : 'the embedded store';

  return `database ${db}; storage ${store}`;
}

async function checkDatabase(runtime: Runtime): ReturnType<Check> {
  try {
    await sql`select 1`.execute(runtime.db());
    return { ok: true, detail: 'answers' };
  } catch (error) {
    return {
      fix:
        `cannot query it (${errorText(error)}); check DATABASE_URL and ` +
        'that the server is up',
    };
  }
}

async function checkMigrations(runtime: Runtime): ReturnType<Check> {
  const pending = await pendingMigrations(runtime.db());
  if (pending.length === 0) return { ok: true, detail: 'up to date' };

  return { fix: `${pending.join(', ')} not run yet; run \`pnpm migrate\`` };
}

async function checkBucket(runtime: Runtime): ReturnType<Check> {
  const storage = await runtime.storage();
  try {
    await storage.client.send(
      new HeadBucketCommand({ Bucket: storage.bucket }),
    );
    return { ok: true, detail: `${storage.bucket} is reachable with the keys` };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404) {
      return {
        fix: `there is no bucket ${storage.bucket}; create it or fix S3_BUCKET`,
      };
    }
    if (status === 403 || status === 401) {
      return {
        fix:
          `the store refused the keys for ${storage.bucket}; check ` +
          'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, and that the token ' +
          'covers this bucket',
      };
    }
    return { fix: `cannot reach ${storage.endpoint} (${errorText(error)})` };
  }
}

/**
 * Asks the store what a browser asks before an upload: a preflight for a
 * PUT with a Content-Type from the app's origin. This works even where the
 * keys may not read the bucket's CORS settings.
 */
async function checkCors(runtime: Runtime, origin: string): ReturnType<Check> {
  const storage = await runtime.storage();
  const url = (
    await storage.store.signPut({
      key: 'doctor/preflight.txt',
      contentType: 'text/plain',
      byteSize: 1,
      signedAt: new Date(),
      expiresInSeconds: 60,
    })
  ).url;
  const response = await fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'content-type',
    },
  });
  const allowed = response.headers.get('access-control-allow-origin');
  const methods = response.headers.get('access-control-allow-methods') ?? '';
  if (
    response.ok &&
    (allowed === origin || allowed === '*') &&
    /PUT/i.test(methods)
  ) {
    return { ok: true, detail: `${origin} may PUT with a Content-Type` };
  }

  return {
    fix:
      `the bucket does not let ${origin} PUT with a Content-Type ` +
      `(preflight answered ${response.status}); run \`pnpm cli storage:cors\` ` +
      'or set the rules in the dashboard as the README shows',
  };
}

async function checkSignedPut(
  runtime: Runtime,
  probe: Probe,
): ReturnType<Check> {
  const { store } = await runtime.storage();
  const signed = await store.signPut({
    key: probe.key,
    contentType: 'text/plain',
    byteSize: probe.body.length,
    signedAt: new Date(),
    expiresInSeconds: 60,
  });
  const response = await fetch(signed.url, {
    method: 'PUT',
    headers: signed.headers,
    body: probe.body,
  });
  if (!response.ok) {
    return {
      fix:
        `the store refused a signed PUT (${response.status}); check the ` +
        'keys have object write access and the clock is right',
    };
  }

  const head = await store.head(probe.key);
  if (head?.byteSize !== probe.body.length) {
    return { fix: 'the PUT succeeded but HEAD does not see the object' };
  }
  return { ok: true, detail: `PUT and HEAD of ${probe.key} work` };
}

async function checkPublicUrl(
  runtime: Runtime,
  probe: Probe,
): ReturnType<Check> {
  const storage = await runtime.storage();
  if (!storage.publicBaseUrl) {
    return {
      ok: true,
      detail: 'not set; images are shown through signed URLs',
    };
  }

  const url = `${storage.publicBaseUrl.replace(/\/+$/, '')}/${probe.key}`;
  const response = await fetch(url).catch(() => undefined);
  const body = response?.ok
    ? new Uint8Array(await response.arrayBuffer())
    : undefined;
  if (body && Buffer.compare(body, probe.body) === 0) {
    return { ok: true, detail: `${storage.publicBaseUrl} serves the probe` };
  }

  return {
    fix:
      `${url} answered ${response?.status ?? 'nothing'}; check ` +
      "PUBLIC_BASE_URL and that the bucket's public access is on",
  };
}

async function checkProbeDeleted(
  runtime: Runtime,
  key: string,
): ReturnType<Check> {
  const { store } = await runtime.storage();
  await store.delete([key]);
  if (await store.head(key)) {
    return { fix: `${key} is still there; the keys may lack delete access` };
  }

  return { ok: true, detail: 'the probe object is gone again' };
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata
    ?.httpStatusCode;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

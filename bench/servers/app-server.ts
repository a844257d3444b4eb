import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { startApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config/load-config.ts';
import { serveTrpc } from '../../apps/server/src/http/trpc.ts';
import { createAdmin } from '../../packages/api/src/index.ts';
import { createGetSignedUrlPut } from '../reference/get-signed-url-put.ts';
import { servePlainAsk } from '../reference/plain-ask-route.ts';
import { serveProxyUpload } from '../reference/proxy-upload-route.ts';
import { seedProducts } from './seed-products.ts';
import { serveCommands } from './serve-commands.ts';

// The product as `pnpm start` runs it, against the store process, plus the
// benchmark's references on ports of their own: a plain Fastify route that
// asks for uploads, a proxy upload route, and the product as it signed
// before (getSignedUrl per URL). None of these is product code.

/** The reference copy of the app never takes log-ins. */
const noLoginLimits = {
  attempt: <T>(_request: unknown, _email: string, run: () => Promise<T>) =>
    run(),
};

/** Large enough for the 50 MB files of the memory comparison. */
const maxUploadBytes = 64 * 1024 * 1024;

const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-bench-app-'));
const app = await startApp(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Both the product and the references log nothing per request; logging
    // costs the same on either side and would only blur the ratio.
    LOG_LEVEL: 'warn',
    S3_ENDPOINT: required('BENCH_STORE_ENDPOINT'),
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: required('BENCH_STORE_KEY'),
    S3_SECRET_ACCESS_KEY: required('BENCH_STORE_KEY'),
    S3_BUCKET: required('BENCH_BUCKET'),
    PUBLIC_BASE_URL: `${required('BENCH_STORE_ENDPOINT')}/${required('BENCH_BUCKET')}`,
    MAX_UPLOAD_BYTES: String(maxUploadBytes),
    SWEEP_INTERVAL_SECONDS: '3600',
  }),
);

// The bench signs in like the admin's browser: a log-in over HTTP.
const benchAdmin = { email: 'bench@localhost', password: 'bench password 12' };
await createAdmin(app.db, benchAdmin.email, benchAdmin.password, new Date());
const session = await logIn(app.url, benchAdmin);

const references = await listen(async (fastify) => {
  servePlainAsk(fastify, app.context);
  await fastify.register(multipart, {
    limits: { fileSize: maxUploadBytes, files: 5 },
  });
  serveProxyUpload(fastify, join(dataDir, 'proxied'));
});
const beforeSign = createGetSignedUrlPut(
  app.storage.client,
  app.storage.bucket,
);
const before = await listen(async (fastify) => {
  await fastify.register(fastifyCookie);
  await serveTrpc(
    fastify,
    {
      ...app.context,
      store: {
        ...app.context.store,
        signPut: async (put) => ({
          url: await beforeSign(put),
          headers: { 'Content-Type': put.contentType },
        }),
      },
    },
    { appOrigin: undefined, loginLimits: noLoginLimits },
  );
});

serveCommands(
  {
    addresses: async () => ({
      app: app.url,
      references: address(references),
      before: address(before),
      session,
    }),
    'seed-products': async (count: number) => seedProducts(app.db, count),
  },
  async () => {
    await Promise.all([references.close(), before.close()]);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
);

/** A Fastify server set up like the product's, on a free loopback port. */
async function listen(
  setUp: (fastify: FastifyInstance) => Promise<void> | void,
): Promise<FastifyInstance> {
  const fastify = Fastify({
    logger: { level: 'warn' },
    routerOptions: { maxParamLength: 8 * 1024 },
    bodyLimit: 1024 * 1024,
  });
  await setUp(fastify);
  await fastify.listen({ port: 0, host: '127.0.0.1' });

  return fastify;
}

function address(fastify: FastifyInstance): string {
  const bound = fastify.server.address();
  if (bound === null || typeof bound === 'string') throw new Error('no port');

  return `http://127.0.0.1:${bound.port}`;
}

/** Signs in over HTTP and returns the session cookie's value. */
async function logIn(
  appUrl: string,
  admin: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${appUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: new URL(appUrl).origin,
    },
    body: JSON.stringify(admin),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('vitrine_session='));
  const token = cookie?.split(';')[0]?.split('=')[1];
  if (!response.ok || !token) {
    throw new Error(`bench log-in failed: ${response.status}`);
  }

  return token;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);

  return value;
}

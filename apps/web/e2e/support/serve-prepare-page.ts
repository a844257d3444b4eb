import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ObjectStore } from '@vitrine/api';
import Fastify from 'fastify';
import { build } from 'vite';
import { serveSecurityHeaders } from '../../../server/src/http/security-headers.ts';
import { serveSpa } from '../../../server/src/http/spa.ts';
import { fixturesDir } from '../../../server/test/support/fixtures.ts';
import { webFixturesDir } from '../../test-fixtures/web-fixtures.ts';

const webDir = fileURLToPath(new URL('../../', import.meta.url));
const pageDir = fileURLToPath(new URL('../prepare-page/', import.meta.url));

export interface PreparePageServer {
  url: string;
  /** The built files, to look at the chunks. */
  outDir: string;
  close(): Promise<void>;
}

/**
 * Builds the prepare page with the web app's own Vite config (so the
 * worker and libheif are split as in the app) and serves it on loopback
 * behind the app's real security headers, CSP included. Fixtures are at
 * /fixtures/shared/… and /fixtures/web/….
 */
export async function servePreparePage(): Promise<PreparePageServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'vitrine-prepare-page-'));
  await build({
    configFile: join(webDir, 'vite.config.ts'),
    root: pageDir,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });

  const app = Fastify();
  // The CSP names the store's origins; a store that is never reached
  // stands in, since this page sends nothing to one.
  const nowhere = 'http://127.0.0.1:9/bucket/csp-probe.jpg';
  const store = {
    signPut: async () => ({ url: nowhere, headers: {} }),
    urlFor: async () => nowhere,
  } as unknown as ObjectStore;
  await serveSecurityHeaders(app, store);
  for (const [prefix, dir] of [
    ['shared', fixturesDir],
    ['web', webFixturesDir],
  ] as const) {
    app.get<{ Params: { '*': string } }>(
      `/fixtures/${prefix}/*`,
      (request, reply) => {
        const file = request.params['*'];
        if (file.includes('..')) return reply.code(404).send();
        return reply
          .type('application/octet-stream')
          .send(readFileSync(join(dir, file)));
      },
    );
  }
  await serveSpa(app, outDir);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });

  return {
    url,
    outDir,
    async close() {
      await app.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

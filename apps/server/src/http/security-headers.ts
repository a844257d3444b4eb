import helmet from '@fastify/helmet';
import type { ObjectStore } from '@vitrine/api';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer, with a Content Security Policy that
 * lets the page load its own files, show images from where the store
 * serves them (and `blob:` previews of chosen files), and send uploads to
 * the store's signed URLs: nothing else. The origins come from a URL the
 * store itself makes, so a path-style or a bucket-subdomain address both
 * come out right. Signing is local: no request reaches the store.
 */
export async function serveSecurityHeaders(
  app: FastifyInstance,
  store: ObjectStore,
): Promise<void> {
  const probeKey = 'products/0/csp-probe.jpg';
  const signed = await store.signPut({
    key: probeKey,
    contentType: 'image/jpeg',
    byteSize: 1,
    signedAt: new Date(),
    expiresInSeconds: 60,
  });
  const uploads = new URL(signed.url).origin;
  const images = new URL(await store.urlFor(probeKey)).origin;

  await app.register(helmet, {
    contentSecurityPolicy: {
      // Helmet's defaults add upgrade-insecure-requests, which would send
      // an http:// store's uploads to https://; every directive is ours.
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The photo worker compiles libheif's WebAssembly to convert HEIC
        // photos; this allows that and no JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        // data: for the ThumbHash placeholders drawn while photos load.
        imgSrc: ["'self'", 'blob:', 'data:', images],
        connectSrc: ["'self'", uploads],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}

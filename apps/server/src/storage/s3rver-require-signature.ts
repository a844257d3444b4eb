import type { S3rverContext } from '@20minutes/s3rver';

/**
 * s3rver 4.0.4 serves any request that carries no signature at all: an
 * unsigned PUT stores an SVG, an unsigned DELETE removes an image, an
 * unsigned GET lists the bucket. R2 answers 403 to all of these. This
 * refuses them the same way, leaving open only what a public bucket serves
 * to anyone: GET and HEAD of an object, and CORS preflights.
 */
export async function requireSignature(
  ctx: S3rverContext,
  next: () => Promise<void>,
): Promise<void> {
  const signed =
    ctx.get('authorization') !== '' ||
    typeof ctx.query['X-Amz-Signature'] === 'string';
  const isObjectPath = /^\/[^/]+\/.+/.test(ctx.path);
  const publicRead =
    (ctx.method === 'GET' || ctx.method === 'HEAD') && isObjectPath;

  if (signed || publicRead || ctx.method === 'OPTIONS') {
    await next();
    return;
  }

  ctx.status = 403;
  ctx.type = 'application/xml';
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>' +
    '<Message>Access Denied: the request is not signed.</Message></Error>';
}

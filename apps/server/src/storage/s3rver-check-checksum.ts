import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { S3rverContext } from '@20minutes/s3rver';

const checksumHeader = 'x-amz-checksum-sha256';

/**
 * s3rver 4.0.4 ignores `x-amz-checksum-sha256`; R2 and S3 refuse a PUT
 * whose bytes do not have that digest, with 400 BadDigest. This does the
 * same for the embedded store, so that the digest the browser computes
 * and the server signs is checked here too. The body is read in full
 * before s3rver sees it: nothing is stored unless it matches.
 */
export async function checkChecksum(
  ctx: S3rverContext,
  next: () => Promise<void>,
): Promise<void> {
  const query = ctx.query[checksumHeader];
  const expected =
    ctx.get(checksumHeader) || (typeof query === 'string' ? query : '');
  if (ctx.method !== 'PUT' || expected === '') {
    await next();
    return;
  }

  const body = await readAll(ctx.req);
  const actual = createHash('sha256').update(body).digest('base64');
  if (actual !== expected) {
    ctx.status = 400;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>BadDigest</Code>' +
      '<Message>The SHA256 you specified did not match the calculated ' +
      'checksum.</Message></Error>';
    return;
  }

  // s3rver reads the body from ctx.req; hand it the bytes already read.
  ctx.req = Readable.from([body]) as typeof ctx.req;
  await next();
}

async function readAll(
  stream: AsyncIterable<Buffer | string>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }

  return Buffer.concat(chunks);
}

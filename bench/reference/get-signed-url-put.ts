import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ReferencePut } from './sigv4-signer.ts';

const signedPutHeaders = new Set(['content-type', 'content-length']);

/**
 * The product's signing before this benchmark, kept here as the "before":
 * `getSignedUrl` with a `PutObjectCommand` per URL, the path every guide
 * shows. It runs the client's middleware stack and endpoint rules each time.
 */
export function createGetSignedUrlPut(
  client: S3Client,
  bucket: string,
): (put: ReferencePut) => Promise<string> {
  return (put) =>
    getSignedUrl(
      client,
      new PutObjectCommand({
        Bucket: bucket,
        Key: put.key,
        ContentType: put.contentType,
        ContentLength: put.byteSize,
      }),
      {
        expiresIn: put.expiresInSeconds,
        signingDate: put.signedAt,
        signableHeaders: signedPutHeaders,
      },
    );
}

import type { S3Client } from '@aws-sdk/client-s3';

/**
 * Makes bucket-level calls (CreateBucket, PutBucketCors, ListObjectsV2,
 * DeleteObjects) work against @20minutes/s3rver 4.0.4. The SDK sends and
 * signs the path `/bucket/`; s3rver rebuilds the canonical path from its
 * route as `/bucket`, so every such call fails with SignatureDoesNotMatch.
 * Sending `/bucket` instead, before the request is signed, makes both sides
 * agree. Only the embedded store's client gets this; R2 never sees it.
 * See docs/decisions/0002-embedded-s3-server.md.
 */
export function useBucketPathWithoutSlash(client: S3Client): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { path?: unknown };
      if (
        typeof request.path === 'string' &&
        /^\/[^/]+\/$/.test(request.path)
      ) {
        request.path = request.path.slice(0, -1);
      }

      return next(args);
    },
    { step: 'build', name: 's3rverBucketPathWithoutSlash' },
  );
}

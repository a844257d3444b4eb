import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The one S3 client the app uses, for R2, any S3-compatible store and the
 * embedded one alike.
 */
export function createS3Client(options: S3ClientOptions): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    credentials: {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
    },
    // Path-style addressing (endpoint/bucket/key) works on R2, S3 and local
    // stores alike, and needs no wildcard DNS for bucket subdomains.
    forcePathStyle: true,
    // Since early 2025 the SDK adds x-amz-checksum-crc32 (of an empty body)
    // and x-amz-sdk-checksum-algorithm to pre-signed URLs by default. R2,
    // MinIO and SeaweedFS then refuse the browser's PUT. Only send checksums
    // where an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

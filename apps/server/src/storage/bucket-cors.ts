import {
  type CORSRule,
  GetBucketCorsCommand,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/**
 * The one CORS rule the bucket needs: the admin app's origins may PUT with
 * the headers an upload signs (its type and the digest of its bytes) and
 * GET what it shows, and may read the ETag.
 */
export function corsRuleFor(origins: string[]): CORSRule {
  return {
    AllowedOrigins: origins,
    AllowedMethods: ['PUT', 'GET', 'HEAD'],
    AllowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3600,
  };
}

/** The bucket's CORS rules; none when it has no CORS configuration. */
export async function readBucketCors(
  client: S3Client,
  bucket: string,
): Promise<CORSRule[]> {
  try {
    const current = await client.send(
      new GetBucketCorsCommand({ Bucket: bucket }),
    );
    return current.CORSRules ?? [];
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchCORSConfiguration') {
      return [];
    }
    throw error;
  }
}

export async function writeBucketCors(
  client: S3Client,
  bucket: string,
  rules: CORSRule[],
): Promise<void> {
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: { CORSRules: rules },
    }),
  );
}

/** The rules in a form that compares equal when they mean the same. */
export function describeCorsRules(rules: CORSRule[]): string[] {
  return rules.map((rule) =>
    [
      `origins ${sorted(rule.AllowedOrigins)}`,
      `methods ${sorted(rule.AllowedMethods)}`,
      `headers ${sorted(rule.AllowedHeaders?.map((h) => h.toLowerCase()))}`,
      `expose ${sorted(rule.ExposeHeaders)}`,
      `max-age ${rule.MaxAgeSeconds ?? '-'}`,
    ].join('; '),
  );
}

function sorted(values: string[] | undefined): string {
  return values && values.length > 0 ? [...values].sort().join(',') : '-';
}

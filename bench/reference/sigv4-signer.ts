import { createHash, createHmac } from 'node:crypto';

// The benchmark's yardstick, never the product's code: the least work a
// SigV4 query signature for one PUT takes, written by hand. The product
// keeps using @aws-sdk/s3-request-presigner (docs/decisions/0007).

export interface ReferenceSignerOptions {
  /** The store's endpoint, e.g. http://127.0.0.1:9000; path-style. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
}

export interface ReferencePut {
  key: string;
  contentType: string;
  byteSize: number;
  signedAt: Date;
  expiresInSeconds: number;
}

/** The signed headers, sorted, as the product signs them. */
const signedHeaders = 'content-length;content-type;host';

/**
 * A pre-signed PUT URL that pins Content-Type and Content-Length, with the
 * day's signing key cached: one SHA-256 and one HMAC per URL.
 */
export function createReferenceSigner(
  options: ReferenceSignerOptions,
): (put: ReferencePut) => string {
  const endpoint = new URL(options.endpoint);
  const host = endpoint.host;
  const prefix = `${endpoint.pathname.replace(/\/+$/, '')}/${encode(options.bucket)}/`;
  let day = '';
  let dayKey: Buffer = Buffer.alloc(0);

  return (put) => {
    const amzDate = formatAmzDate(put.signedAt);
    if (amzDate.slice(0, 8) !== day) {
      day = amzDate.slice(0, 8);
      dayKey = signingKey(options.secretAccessKey, day, options.region);
    }
    const scope = `${day}/${options.region}/s3/aws4_request`;
    const path = prefix + put.key.split('/').map(encode).join('/');
    // Already in the sorted order SigV4 asks for.
    const query =
      'X-Amz-Algorithm=AWS4-HMAC-SHA256' +
      '&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD' +
      `&X-Amz-Credential=${encode(`${options.accessKeyId}/${scope}`)}` +
      `&X-Amz-Date=${amzDate}` +
      `&X-Amz-Expires=${put.expiresInSeconds}` +
      `&X-Amz-SignedHeaders=${encode(signedHeaders)}`;
    const canonicalRequest =
      `PUT\n${path}\n${query}\n` +
      `content-length:${put.byteSize}\n` +
      `content-type:${put.contentType.trim()}\n` +
      `host:${host}\n\n${signedHeaders}\nUNSIGNED-PAYLOAD`;
    const stringToSign =
      `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n` +
      createHash('sha256').update(canonicalRequest).digest('hex');
    const signature = createHmac('sha256', dayKey)
      .update(stringToSign)
      .digest('hex');

    return `${endpoint.protocol}//${host}${path}?${query}&X-Amz-Signature=${signature}`;
  };
}

function signingKey(secret: string, day: string, region: string): Buffer {
  let key = createHmac('sha256', `AWS4${secret}`).update(day).digest();
  for (const part of [region, 's3', 'aws4_request']) {
    key = createHmac('sha256', key).update(part).digest();
  }

  return key;
}

/** 20260102T030405Z */
function formatAmzDate(date: Date): string {
  const iso = date.toISOString();

  return (
    iso.slice(0, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    'Z'
  );
}

/** RFC 3986, as SigV4 wants it. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

import type { S3Client } from '@aws-sdk/client-s3';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';

/**
 * Headers that go into a PUT signature. The presigner leaves Content-Type
 * out unless it is named here, and then the store accepts any type under a
 * URL meant for a JPEG. Content-Length pins the exact size.
 */
const signedPutHeaders = new Set(['content-type', 'content-length']);

/**
 * The digest of the bytes. The presigner would move it into the query
 * string like every `x-amz-` header; kept a header, it is sent and checked
 * the way PutObject documents it on R2 and S3.
 */
const checksumHeader = 'x-amz-checksum-sha256';
const headersKept = new Set([checksumHeader]);

type RequestToSign = Parameters<S3RequestPresigner['presign']>[0];

export interface PutToSign {
  key: string;
  contentType: string;
  byteSize: number;
  checksumSha256?: string | undefined;
  signedAt: Date;
  expiresInSeconds: number;
}

/**
 * A GET URL is signed as of the start of its quarter hour and lasts that
 * much longer. Every page shown in the same quarter hour then gets the
 * same URL for a photo, and the browser's cache can serve it again; a URL
 * signed anew on each request would be a new address each time.
 */
const getWindowSeconds = 15 * 60;

/** Pre-signed URLs for the objects of one bucket. */
export interface UrlSigner {
  signPut(put: PutToSign): Promise<string>;
  /** A URL valid for at least `expiresInSeconds` from `now`. */
  signGet(key: string, expiresInSeconds: number, now?: Date): Promise<string>;
}

/** Where the bucket's objects live, resolved once from the client. */
interface BucketAddress {
  protocol: string;
  hostname: string;
  port: number | undefined;
  host: string;
  /** The path before the key: the endpoint's own path and the bucket. */
  prefix: string;
  presigner: S3RequestPresigner;
}

/**
 * Signs URLs the way `getSignedUrl` does, without its cost. `getSignedUrl`
 * runs the client's whole middleware stack and endpoint rules for every
 * URL (about 400 µs each here); the bucket's address cannot change, so it
 * is resolved once and each URL costs only the SigV4 work of
 * `S3RequestPresigner.presign`. Path-style addressing only, as every
 * client from `createS3Client` uses. See
 * docs/decisions/0007-sign-urls-on-a-request-built-once.md.
 */
export function createUrlSigner(client: S3Client, bucket: string): UrlSigner {
  let address: Promise<BucketAddress> | undefined;
  const resolved = () => {
    if (!address) {
      address = resolveBucketAddress(client, bucket);
      // A failed resolution (say, credentials that did not load) is retried
      // by the next URL rather than kept.
      address.catch(() => {
        address = undefined;
      });
    }
    return address;
  };

  return {
    async signPut(put) {
      const target = await resolved();
      const headers: Record<string, string> = {
        'content-type': put.contentType,
        'content-length': String(put.byteSize),
      };
      if (put.checksumSha256) headers[checksumHeader] = put.checksumSha256;
      const signed = await target.presigner.presign(
        requestFor(target, 'PUT', put.key, headers),
        {
          expiresIn: put.expiresInSeconds,
          signingDate: put.signedAt,
          signableHeaders: signedPutHeaders,
          unhoistableHeaders: headersKept,
        },
      );

      return formatUrl(target, signed);
    },

    async signGet(key, expiresInSeconds, now = new Date()) {
      const target = await resolved();
      const window = getWindowSeconds * 1000;
      const signed = await target.presigner.presign(
        requestFor(target, 'GET', key, {}),
        {
          signingDate: new Date(Math.floor(now.getTime() / window) * window),
          expiresIn: expiresInSeconds + getWindowSeconds,
        },
      );

      return formatUrl(target, signed);
    },
  };
}

async function resolveBucketAddress(
  client: S3Client,
  bucket: string,
): Promise<BucketAddress> {
  const { config } = client;
  if (!config.forcePathStyle || !config.endpoint) {
    throw new Error(
      'URLs are signed for path-style clients with an endpoint; build the ' +
        'client with createS3Client.',
    );
  }
  const endpoint = await config.endpoint();
  const port = endpoint.port ?? undefined;
  const basePath = endpoint.path.replace(/\/+$/, '');

  return {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port,
    host:
      port === undefined ? endpoint.hostname : `${endpoint.hostname}:${port}`,
    prefix: `${basePath}/${encode(bucket)}/`,
    presigner: new S3RequestPresigner({
      credentials: config.credentials,
      region: await config.region(),
      sha256: config.sha256,
      service: 's3',
      // S3 signs the path as sent, encoded once; never encoded twice.
      uriEscapePath: false,
    }),
  };
}

function requestFor(
  target: BucketAddress,
  method: 'PUT' | 'GET',
  key: string,
  headers: Record<string, string>,
): RequestToSign {
  headers.host = target.host;

  return {
    method,
    protocol: target.protocol,
    hostname: target.hostname,
    port: target.port,
    path: target.prefix + encodeKey(key),
    query: {},
    headers,
  };
}

function formatUrl(target: BucketAddress, signed: RequestToSign): string {
  let query = '';
  for (const [name, value] of Object.entries(signed.query ?? {})) {
    query += `${query ? '&' : '?'}${encode(name)}=${encode(`${value}`)}`;
  }

  return `${target.protocol}//${target.host}${signed.path}${query}`;
}

/** Characters RFC 3986 leaves as they are; the keys we make use no others. */
const unreserved = /^[A-Za-z0-9\-._~]*$/;
const unreservedOrSlash = /^[A-Za-z0-9\-._~/]*$/;

/** Each segment of the key encoded, the slashes kept, as S3 expects. */
function encodeKey(key: string): string {
  if (unreservedOrSlash.test(key)) return key;

  return key.split('/').map(encode).join('/');
}

/** RFC 3986 encoding, as SigV4 and the AWS SDK use for paths and queries. */
function encode(text: string): string {
  if (unreserved.test(text)) return text;

  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

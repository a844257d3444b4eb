import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type ObjectStore, StoreUnavailable } from '@vitrine/api';
import { createUrlSigner } from './url-signer.ts';

/** How long a signed GET URL for a private bucket's image lasts. */
const signedGetTtlSeconds = 60 * 60;

/** How many DELETE requests run at once. */
const deleteConcurrency = 8;

export interface S3StoreOptions {
  client: S3Client;
  bucket: string;
  /** Where the bucket is served publicly; signed GET URLs when absent. */
  publicBaseUrl: string | undefined;
}

/** The object store port, on any S3-compatible endpoint. */
export function createS3Store(options: S3StoreOptions): ObjectStore {
  const { client, bucket } = options;
  const send: S3Client['send'] = async (command: never) => {
    try {
      return await client.send(command);
    } catch (error) {
      throw isOutage(error) ? new StoreUnavailable(error) : error;
    }
  };
  const publicBase = options.publicBaseUrl?.replace(/\/+$/, '');
  const signer = createUrlSigner(client, bucket);

  return {
    async signPut(request) {
      const url = await signer.signPut(request);
      const headers: Record<string, string> = {
        'Content-Type': request.contentType,
      };
      if (request.checksumSha256) {
        headers['x-amz-checksum-sha256'] = request.checksumSha256;
      }

      return { url, headers };
    },

    async head(key) {
      try {
        const head = await send(
          new HeadObjectCommand({ Bucket: bucket, Key: key }),
        );
        return {
          byteSize: head.ContentLength ?? 0,
          contentType: head.ContentType,
          etag: head.ETag,
        };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async readStart(key, byteCount) {
      try {
        const object = await send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            Range: `bytes=0-${byteCount - 1}`,
          }),
        );
        const bytes = object.Body
          ? await object.Body.transformToByteArray()
          : new Uint8Array();

        return {
          // A ranged answer gives the whole size after the slash of
          // Content-Range; a store that ignores Range sends all of it.
          byteSize:
            totalOf(object.ContentRange) ??
            object.ContentLength ??
            bytes.length,
          contentType: object.ContentType,
          etag: object.ETag,
          bytes,
        };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async readRange(key, start, end) {
      const object = await send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          Range: `bytes=${start}-${end}`,
        }),
      );
      if (!object.Body) return new Uint8Array();

      return object.Body.transformToByteArray();
    },

    async copy(source, target, ifMatch) {
      await send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: target,
          // Encoded per segment: s3rver decodes the source with decodeURI,
          // which leaves an encoded slash as it is.
          CopySource: `${bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
          CopySourceIfMatch: ifMatch,
          MetadataDirective: 'COPY',
        }),
      );
    },

    // One DeleteObject per key rather than DeleteObjects: it is an object
    // call, which every S3-compatible store (s3rver included, see decision
    // 0002) signs alike, and it needs no Content-MD5. Deletes are rare and
    // free on R2; a missing key is not an error.
    async delete(keys) {
      const queue = [...keys];
      const worker = async () => {
        for (let key = queue.shift(); key; key = queue.shift()) {
          await send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        }
      };
      const workers = Math.min(deleteConcurrency, queue.length);
      await Promise.all(Array.from({ length: workers }, worker));
    },

    async urlFor(key) {
      if (publicBase) return `${publicBase}/${key}`;

      return signer.signGet(key, signedGetTtlSeconds);
    },
  };
}

/** No answer at all, or a 5xx: the store's trouble, worth a retry. */
function isOutage(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })
    ?.$metadata?.httpStatusCode;

  return status === undefined || status >= 500;
}

/** 347327 from "bytes 0-65535/347327". */
function totalOf(contentRange: string | undefined): number | undefined {
  const total = contentRange?.match(/\/(\d+)$/)?.[1];

  return total === undefined ? undefined : Number(total);
}

function isNotFound(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })
    ?.$metadata?.httpStatusCode;

  return status === 404;
}

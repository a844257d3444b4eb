import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from '@vitrine/api';
import { createUrlSigner } from './url-signer.ts';

/** How long a signed GET URL for a private bucket's image lasts. */
const signedGetTtlSeconds = 60 * 60;

/** DeleteObjects takes at most this many keys per request. */
const deleteBatchSize = 1000;

export interface S3StoreOptions {
  client: S3Client;
  bucket: string;
  /** Where the bucket is served publicly; signed GET URLs when absent. */
  publicBaseUrl: string | undefined;
}

/** The object store port, on any S3-compatible endpoint. */
export function createS3Store(options: S3StoreOptions): ObjectStore {
  const { client, bucket } = options;
  const publicBase = options.publicBaseUrl?.replace(/\/+$/, '');
  const signer = createUrlSigner(client, bucket);

  return {
    async signPut(request) {
      const url = await signer.signPut(request);

      return { url, headers: { 'Content-Type': request.contentType } };
    },

    async head(key) {
      try {
        const head = await client.send(
          new HeadObjectCommand({ Bucket: bucket, Key: key }),
        );
        return {
          byteSize: head.ContentLength ?? 0,
          contentType: head.ContentType,
        };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async readStart(key, byteCount) {
      try {
        const object = await client.send(
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
          bytes,
        };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async readRange(key, start, end) {
      const object = await client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          Range: `bytes=${start}-${end}`,
        }),
      );
      if (!object.Body) return new Uint8Array();

      return object.Body.transformToByteArray();
    },

    async delete(keys) {
      for (let at = 0; at < keys.length; at += deleteBatchSize) {
        const batch = keys.slice(at, at + deleteBatchSize);
        const result = await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = result.Errors ?? [];
        if (failed.length > 0) {
          throw new Error(
            `The store kept ${failed.length} object(s) it was asked to ` +
              `delete: ${failed[0]?.Code ?? 'unknown'} ${failed[0]?.Message ?? ''}`,
          );
        }
      }
    },

    async urlFor(key) {
      if (publicBase) return `${publicBase}/${key}`;

      return signer.signGet(key, signedGetTtlSeconds);
    },
  };
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

/**
 * The object store as the router needs it. The host implements it with the
 * AWS SDK against R2 or any S3-compatible endpoint.
 */
export interface ObjectStore {
  /** A pre-signed PUT that only accepts this exact type and length. */
  signPut(request: SignPutRequest): Promise<SignedPut>;
  /** The object's size and type, or undefined when there is none. */
  head(key: string): Promise<ObjectHead | undefined>;
  /**
   * The object's size and type with its first `byteCount` bytes (all of
   * them when it is shorter) in one request, or undefined when there is
   * none.
   */
  readStart(key: string, byteCount: number): Promise<ObjectStart | undefined>;
  /** Bytes `start` to `end` inclusive; fewer when the object is shorter. */
  readRange(key: string, start: number, end: number): Promise<Uint8Array>;
  /**
   * Copies an object inside the bucket, the store doing the work. With
   * `ifMatch`, only while the source still has that ETag.
   */
  copy(source: string, target: string, ifMatch?: string): Promise<void>;
  /** Deletes the objects; keys that do not exist are not an error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Where a browser can fetch the object: public or short-lived signed. */
  urlFor(key: string): Promise<string>;
}

export interface SignPutRequest {
  key: string;
  contentType: string;
  byteSize: number;
  /**
   * The SHA-256 of the bytes, base64: signed as `x-amz-checksum-sha256`,
   * so a store that checks it (R2, S3) refuses any other bytes.
   */
  checksumSha256?: string | undefined;
  signedAt: Date;
  expiresInSeconds: number;
}

export interface SignedPut {
  url: string;
  /** Headers the browser must send exactly, since they are signed. */
  headers: Record<string, string>;
}

export interface ObjectHead {
  byteSize: number;
  contentType: string | undefined;
  etag: string | undefined;
}

export interface ObjectStart extends ObjectHead {
  bytes: Uint8Array;
}

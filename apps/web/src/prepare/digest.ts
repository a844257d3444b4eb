import { toBase64 } from './to-base64.ts';

/**
 * The SHA-256 of the bytes, in base64: the value S3 and R2 check against
 * the `x-amz-checksum-sha256` header a PUT URL is signed with.
 */
export async function sha256Base64(
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);

  return toBase64(new Uint8Array(digest));
}

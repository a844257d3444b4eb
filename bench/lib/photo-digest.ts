import { createHash } from 'node:crypto';
import type { Photo } from './photos.ts';

const digests = new WeakMap<Photo, string>();

/**
 * The SHA-256 of a photo's bytes in base64, as the page computes it with
 * `crypto.subtle` before it asks (decision 0011). Made by the client, never
 * asked of the server, and kept per photo: the bench sends the same photos
 * round after round.
 */
export function sha256Base64(photo: Photo): string {
  const known = digests.get(photo);
  if (known) return known;

  const digest = createHash('sha256').update(photo.bytes).digest('base64');
  digests.set(photo, digest);

  return digest;
}

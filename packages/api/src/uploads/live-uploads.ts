import type { UploadLimits } from '../context.ts';

/**
 * An upload still counts, and may still be confirmed, until its URL has
 * expired and the confirm grace has passed. Rows whose `expires_at` is after
 * this cutoff are live.
 */
export function liveUploadCutoff(now: Date, limits: UploadLimits): string {
  const graceMs = limits.confirmGraceSeconds * 1000;

  return new Date(now.getTime() - graceMs).toISOString();
}

/**
 * How long an upload lives at most: its URL's lifetime, then the grace
 * in which it may still be confirmed.
 */
export function uploadLifetimeSeconds(limits: UploadLimits): number {
  return limits.urlTtlSeconds + limits.confirmGraceSeconds;
}

/** When an upload whose URL expires at `expiresAt` is over for good. */
export function uploadDeadline(expiresAt: string, limits: UploadLimits): Date {
  return new Date(Date.parse(expiresAt) + limits.confirmGraceSeconds * 1000);
}

/**
 * Until when a signed URL may still write an image's key. An image that
 * kept its upload's key (decision 0013) was confirmed before that URL
 * expired, so the URL is over at most one lifetime after the image was
 * made. Deleting the image queues its key until then, so that whatever
 * the URL writes after the deletion is swept too.
 */
export function imageKeyDeadline(createdAt: string, limits: UploadLimits) {
  const lifetimeMs = uploadLifetimeSeconds(limits) * 1000;

  return new Date(Date.parse(createdAt) + lifetimeMs);
}

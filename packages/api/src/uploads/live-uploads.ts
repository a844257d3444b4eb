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

/** When an upload whose URL expires at `expiresAt` is over for good. */
export function uploadDeadline(expiresAt: string, limits: UploadLimits): Date {
  return new Date(Date.parse(expiresAt) + limits.confirmGraceSeconds * 1000);
}

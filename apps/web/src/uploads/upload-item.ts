import type { PhotoChange } from '../prepare/prepare-photo.ts';

/**
 * Where one chosen file is:
 * - `preparing`: being converted, downscaled or cleaned in the browser.
 * - `refused`: the browser's own check turned it down; never sent.
 * - `queued`: waiting for a signed URL or for one of the three slots.
 * - `sending`: its bytes are going to the store.
 * - `retrying`: the network or the store failed; it waits, then resends.
 * - `sent`: stored, waiting for the other files to finish.
 * - `checking`: the server is checking what the store holds.
 * - `done`: it is a photo of the product.
 * - `failed`: given up; `retryable` says whether trying again can help.
 * - `cancelled`: stopped by the person; nothing of it is kept.
 */
export type UploadState =
  | 'preparing'
  | 'refused'
  | 'queued'
  | 'sending'
  | 'retrying'
  | 'sent'
  | 'checking'
  | 'done'
  | 'failed'
  | 'cancelled';

/** What the page shows for one chosen file. */
export interface UploadItem {
  id: string;
  name: string;
  byteSize: number;
  /** An object URL of the file itself, shown before it is sent. */
  previewUrl: string | undefined;
  state: UploadState;
  sentBytes: number;
  /** Why it failed, or what is being retried, in plain words. */
  note: string | undefined;
  retryable: boolean;
  /** What preparing the photo did to it, to tell the person. */
  changes: readonly PhotoChange[];
}

/** States in which the file still takes a place under the product's cap. */
export function holdsPlace(item: UploadItem): boolean {
  switch (item.state) {
    case 'preparing':
    case 'queued':
    case 'sending':
    case 'retrying':
    case 'sent':
    case 'checking':
      return true;
    case 'failed':
      return item.retryable;
    default:
      return false;
  }
}

/** States the person can still stop. */
export function isCancellable(item: UploadItem): boolean {
  return (
    item.state === 'preparing' ||
    item.state === 'queued' ||
    item.state === 'sending' ||
    item.state === 'retrying' ||
    item.state === 'sent'
  );
}

/** States that need nothing more from the queue or the person. */
export function isFinished(item: UploadItem): boolean {
  return (
    item.state === 'done' ||
    item.state === 'refused' ||
    item.state === 'cancelled' ||
    (item.state === 'failed' && !item.retryable)
  );
}

import type { UploadTicket } from '@vitrine/api';
import type { Placeholder } from '../prepare/make-placeholder.ts';
import type {
  PreparedPhoto,
  PrepareSettings,
} from '../prepare/prepare-photo.ts';

/** A prepared file as the server signs it. */
export interface FileToSign {
  file: File;
  sha256: string;
}

/** What asking the server to sign files gave. */
export type SignResult =
  | { kind: 'signed'; tickets: UploadTicket[] }
  /** The server named files it refuses; the others were not signed. */
  | { kind: 'refused-files'; files: { name: string; message: string }[] }
  /**
   * The whole ask refused. `retryable` unless asking again cannot help
   * as it is: the product has no room for the files.
   */
  | { kind: 'refused'; message: string; retryable: boolean };

export type RenewResult =
  | { kind: 'renewed'; ticket: UploadTicket }
  /** The server no longer holds the upload; the file needs a new one. */
  | { kind: 'gone' }
  | { kind: 'unreachable' };

/** What a PUT to the store gave. */
export type PutResult =
  | { kind: 'stored' }
  /** A 4xx: the store read the request and turned it down. */
  | { kind: 'refused'; status: number }
  /** A 5xx: the store failed; asking again may work. */
  | { kind: 'store-error'; status: number }
  /**
   * No answer that script may read: the connection dropped, or the store
   * refused without CORS headers. The browser cannot tell the two apart.
   */
  | { kind: 'network' }
  | { kind: 'aborted' };

export type CompleteResult =
  | {
      kind: 'completed';
      madeUploadIds: string[];
      failures: { uploadId: string; code: string; message: string }[];
    }
  /**
   * No answer, or not one about the files. `retryable` when trying again
   * may help: the connection dropped, or the server or store failed.
   */
  | { kind: 'unreachable'; message: string; retryable: boolean };

/**
 * Everything the upload queue needs from outside: the API, the store, the
 * clock and a timer. The page hands in real ones; tests hand in fakes.
 */
export interface UploadPorts {
  /** Converts, downscales and cleans a photo; see apps/web/src/prepare. */
  prepare(file: File, settings: PrepareSettings): Promise<PreparedPhoto>;
  /**
   * A ThumbHash of a prepared photo, base64, made while it uploads, or
   * why there is none; see `Placeholder`.
   */
  placeholder(file: File): Promise<Placeholder>;
  sign(files: FileToSign[]): Promise<SignResult>;
  renew(uploadId: string): Promise<RenewResult>;
  put(
    file: File,
    ticket: UploadTicket,
    onProgress: (sentBytes: number) => void,
    signal: AbortSignal,
  ): Promise<PutResult>;
  /** Confirms uploads, with the placeholders made for them so far. */
  complete(
    uploadIds: string[],
    placeholders: Record<string, string>,
  ): Promise<CompleteResult>;
  /** Frees the places of uploads that will not be confirmed. */
  cancel(uploadIds: string[]): Promise<void>;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  /** Called after every confirm, to show the product's new photos. */
  onConfirmed(outcome: { added: number; failed: number }): void;
  preview?(file: File): string | undefined;
  release?(previewUrl: string): void;
}

import { type TRPCClient, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@vitrine/api';
import { readableError } from '../api/readable-error.ts';
import { makePlaceholder } from '../prepare/make-placeholder.ts';
import { preparePhoto } from '../prepare/prepare-photo.ts';
import { putFile } from './put-file.ts';
import { refusedFiles } from './refused-files.ts';
import { sleep } from './sleep.ts';
import type { UploadPorts } from './upload-ports.ts';

type ApiClient = TRPCClient<AppRouter>;

/**
 * How long a confirm may take before it is given up and sent again: five
 * photos are checked in well under a second, a slow store in seconds.
 */
const confirmTimeoutMs = 60_000;

/** The upload queue's ports, on the real API, store and clock. */
export function apiUploadPorts(
  client: ApiClient,
  productId: number,
  onConfirmed: UploadPorts['onConfirmed'],
  {
    confirmTimeout = confirmTimeoutMs,
    onNoRoom = () => undefined,
  }: {
    confirmTimeout?: number;
    /** The server found no room: the page's counts are out of date. */
    onNoRoom?: () => void;
  } = {},
): UploadPorts {
  return {
    prepare: preparePhoto,
    placeholder: makePlaceholder,

    async sign(files) {
      try {
        const tickets = await client.uploads.create.mutate({
          productId,
          files: files.map(({ file, sha256 }) => ({
            name: file.name,
            type: file.type,
            size: file.size,
            sha256,
          })),
        });
        return { kind: 'signed', tickets };
      } catch (error) {
        const named = refusedFiles(error);
        if (named.length > 0) return { kind: 'refused-files', files: named };
        const noRoom =
          error instanceof TRPCClientError && error.data?.code === 'CONFLICT';
        if (noRoom) onNoRoom();
        return {
          kind: 'refused',
          message: readableError(error),
          retryable: !noRoom,
        };
      }
    },

    async renew(uploadId) {
      try {
        const ticket = await client.uploads.renew.mutate({
          productId,
          uploadId,
        });
        return { kind: 'renewed', ticket };
      } catch (error) {
        const code = error instanceof TRPCClientError ? error.data?.code : '';
        return code === 'NOT_FOUND'
          ? { kind: 'gone' }
          : { kind: 'unreachable' };
      }
    },

    put: putFile,

    async complete(uploadIds, placeholders) {
      try {
        const result = await client.uploads.complete.mutate(
          { productId, uploadIds, placeholders },
          { signal: AbortSignal.timeout(confirmTimeout) },
        );
        return {
          kind: 'completed',
          madeUploadIds: result.images.map((image) => image.uploadId),
          failures: result.failures,
        };
      } catch (error) {
        // Every file refused: the server lists them, as for a partial one.
        const failures = refusedFiles(error).flatMap((file) =>
          file.uploadId ? [{ ...file, uploadId: file.uploadId }] : [],
        );
        if (failures.length > 0) {
          return { kind: 'completed', madeUploadIds: [], failures };
        }
        const status =
          error instanceof TRPCClientError ? error.data?.httpStatus : 0;
        const timedOut = isTimeout(error);
        return {
          kind: 'unreachable',
          message: timedOut
            ? 'The server did not answer in time.'
            : readableError(error),
          // No answer at all, or the server's or the store's trouble.
          retryable: status === undefined || status >= 500,
        };
      }
    },

    async cancel(uploadIds) {
      await client.uploads.cancel.mutate({ productId, uploadIds });
    },

    sleep,
    now: () => Date.now(),
    onConfirmed,
    preview: (file) => URL.createObjectURL(file),
    release: (url) => URL.revokeObjectURL(url),
  };
}

/** The confirm's own time limit ran out (a frozen server, say). */
function isTimeout(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const name = (cause as { name?: string } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

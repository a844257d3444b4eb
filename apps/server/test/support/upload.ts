import { TRPCClientError } from '@trpc/client';
import type { CompletedUploads, UploadTicket } from '@vitrine/api';
import type { FileProblem } from '@vitrine/api/rules';
import type { TestApp } from './test-app.ts';

export interface LocalFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** PUTs bytes to a signed URL the way a browser does; returns the status. */
export async function putToStore(
  ticket: Pick<UploadTicket, 'url' | 'headers'>,
  bytes: Uint8Array,
  headers: Record<string, string> = ticket.headers,
): Promise<number> {
  const response = await fetch(ticket.url, {
    method: 'PUT',
    headers,
    body: bytes,
  });
  await response.arrayBuffer();

  return response.status;
}

/** The whole flow for one batch: ask, PUT each file, confirm. */
export async function uploadFiles(
  test: TestApp,
  productId: number,
  files: LocalFile[],
) {
  const tickets = await test.api.uploads.create.mutate({
    productId,
    files: files.map(({ name, type, bytes }) => ({
      name,
      type,
      size: bytes.byteLength,
    })),
  });
  const statuses = await Promise.all(
    tickets.map((ticket, index) =>
      putToStore(ticket, files[index]?.bytes ?? new Uint8Array()),
    ),
  );
  const completed: CompletedUploads = await test.api.uploads.complete
    .mutate({ productId, uploadIds: tickets.map((ticket) => ticket.uploadId) })
    .catch((error: unknown) => {
      // No file became an image: the server refuses and names them all.
      const files =
        error instanceof TRPCClientError ? error.data?.files : undefined;
      if (!files) throw error;
      return {
        images: [],
        failures: files.map((file: FileProblem) => ({
          ...file,
          uploadId: file.uploadId ?? '',
        })),
      };
    });

  return { tickets, statuses, completed };
}

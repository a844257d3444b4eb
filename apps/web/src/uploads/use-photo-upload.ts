import type { UploadTicket } from '@vitrine/api';
import { defaultMaxUploadBytes } from '@vitrine/api/rules';
import { useRef, useState } from 'react';
import { readableError } from '../api/readable-error.ts';
import { trpc } from '../api/trpc.ts';
import { toSentence } from '../to-sentence.ts';
import { type PlannedFile, planUpload } from './plan-upload.ts';
import { putFile } from './put-file.ts';
import { refusedFiles } from './refused-files.ts';
import type { UploadRow } from './upload-row.ts';

export interface PhotoUpload {
  rows: UploadRow[];
  /** True from choosing files until the product shows the result. */
  busy: boolean;
  upload: (files: File[]) => Promise<void>;
}

interface SignedFile extends PlannedFile {
  ticket: UploadTicket | undefined;
}

interface SentFile {
  key: string;
  uploadId: string;
}

/**
 * Adds photos to a product: checks each file, asks the server to sign the
 * rest, PUTs them to the store in parallel, confirms the ones that
 * arrived, then refreshes the product. Every refusal lands on the row of
 * the file it concerns.
 */
export function usePhotoUpload(
  productId: number,
  /** How many more photos the product can hold. */
  room: number,
): PhotoUpload {
  const utils = trpc.useUtils();
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [busy, setBusy] = useState(false);
  const batch = useRef(0);

  function update(key: string, change: Partial<UploadRow>) {
    setRows((current) =>
      current.map((row) => (row.key === key ? { ...row, ...change } : row)),
    );
  }

  function fail(key: string, problem: string) {
    update(key, { phase: 'failed', problem });
  }

  /**
   * The server refuses a request as a whole when any file in it breaks a
   * rule, naming those files. They are marked and the rest asked for
   * again, so one bad file does not hold back the good ones.
   */
  async function ask(sendable: PlannedFile[]): Promise<SignedFile[]> {
    try {
      const tickets = await utils.client.uploads.create.mutate({
        productId,
        files: sendable.map(({ file }) => ({
          name: file.name,
          type: file.type,
          size: file.size,
        })),
      });

      // Tickets come back in the order the files were sent.
      return sendable.map((planned, index) => ({
        ...planned,
        ticket: tickets[index],
      }));
    } catch (error) {
      const named = refusedFiles(error);
      const rest = sendable.filter(({ file, row }) => {
        const problem = named.find((p) => p.name === file.name.trim());
        if (problem) fail(row.key, toSentence(problem.message));
        return !problem;
      });
      if (rest.length > 0 && rest.length < sendable.length) return ask(rest);

      for (const { row } of rest) fail(row.key, readableError(error));
      return [];
    }
  }

  async function put(signed: SignedFile[]): Promise<SentFile[]> {
    const sent = await Promise.all(
      signed.map(async ({ file, row, ticket }) => {
        if (!ticket) {
          fail(row.key, 'The server did not sign this file; try again.');
          return null;
        }

        update(row.key, { phase: 'sending' });
        const result = await putFile(file, ticket, (sentBytes) =>
          update(row.key, { sentBytes }),
        );
        if (!result.ok) {
          fail(row.key, result.problem);
          return null;
        }

        update(row.key, { phase: 'checking', sentBytes: file.size });
        return { key: row.key, uploadId: ticket.uploadId };
      }),
    );

    return sent.filter((file) => file !== null);
  }

  async function confirm(sent: SentFile[]): Promise<void> {
    try {
      const result = await utils.client.uploads.complete.mutate({
        productId,
        uploadIds: sent.map((file) => file.uploadId),
      });
      for (const { key, uploadId } of sent) {
        const failure = result.failures.find((f) => f.uploadId === uploadId);
        const made = result.images.some((i) => i.uploadId === uploadId);
        if (failure) fail(key, toSentence(failure.message));
        else if (made) update(key, { phase: 'done' });
        else fail(key, 'The server did not add this photo; try again.');
      }
    } catch (error) {
      for (const { key } of sent) fail(key, readableError(error));
    }
  }

  async function upload(files: File[]): Promise<void> {
    batch.current += 1;
    const plan = planUpload(files, room, defaultMaxUploadBytes, batch.current);
    setRows(plan.rows);
    if (plan.sendable.length === 0) return;

    setBusy(true);
    try {
      const sent = await put(await ask(plan.sendable));
      if (sent.length > 0) await confirm(sent);
    } finally {
      // Refreshed even after a refusal: the count may have changed in
      // another tab, which is what a CONFLICT usually means.
      await Promise.all([
        utils.products.get.invalidate({ id: productId }),
        utils.products.list.invalidate(),
      ]);
      setBusy(false);
    }
  }

  return { rows, busy, upload };
}

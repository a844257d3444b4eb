import { TRPCError } from '@trpc/server';
import type { FileProblem } from './rules/file-problem.ts';

/** The cause attached to a refusal that concerns named files. */
export class FileRefusal extends Error {
  constructor(readonly files: FileProblem[]) {
    super(files.map((file) => `${file.name}: ${file.message}`).join('; '));
    this.name = 'FileRefusal';
  }
}

/** A 400 that lists every refused file by name with its reason. */
export function refuseFiles(files: FileProblem[]): TRPCError {
  const cause = new FileRefusal(files);

  return new TRPCError({
    code: 'BAD_REQUEST',
    message: cause.message,
    cause,
  });
}

export function productNotFound(id: number): TRPCError {
  return new TRPCError({
    code: 'NOT_FOUND',
    message: `There is no product with id ${id}.`,
  });
}

export function imageNotFound(id: number): TRPCError {
  return new TRPCError({
    code: 'NOT_FOUND',
    message: `There is no photo with id ${id}; it may have been deleted.`,
  });
}

/**
 * A 503 for a store that failed to delete objects. Nothing is deleted from
 * the database after it, so the rows still point at what may remain and a
 * retry finishes the job.
 */
export function storageDeleteFailed(what: string, cause: unknown): TRPCError {
  return new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message:
      `Storage could not delete ${what}, so nothing was deleted; ` +
      'try again in a moment.',
    cause,
  });
}

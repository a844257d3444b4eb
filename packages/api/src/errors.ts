import { TRPCError } from '@trpc/server';
import type { FileProblem } from './rules/file-problem.ts';

/** The cause attached to a refusal that concerns named files. */
export class FileRefusal extends Error {
  constructor(readonly files: FileProblem[]) {
    super(files.map((file) => `${file.name}: ${file.message}`).join(' '));
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

/**
 * Thrown by an object store that did not answer, or answered 5xx. The
 * router turns it into a 503 that asks the person to try again, and the
 * host logs the cause.
 */
export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super('The image store did not answer.', { cause });
    this.name = 'StoreUnavailable';
  }
}

export function imageNotFound(id: number): TRPCError {
  return new TRPCError({
    code: 'NOT_FOUND',
    message: `There is no photo with id ${id}; it may have been deleted.`,
  });
}

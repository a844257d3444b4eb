import { TRPCClientError } from '@trpc/client';
import type { FileProblem } from '@vitrine/api/rules';

/**
 * The files a refusal names, each with its reason. The API puts them in
 * the error's `data.files` when it refuses named files; any other error
 * gives an empty list.
 */
export function refusedFiles(error: unknown): FileProblem[] {
  if (!(error instanceof TRPCClientError)) return [];
  const files: unknown = error.data?.files;
  if (!Array.isArray(files)) return [];

  return files.filter(
    (file: unknown): file is FileProblem =>
      typeof file === 'object' &&
      file !== null &&
      'name' in file &&
      typeof file.name === 'string' &&
      'message' in file &&
      typeof file.message === 'string',
  );
}

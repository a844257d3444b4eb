import type { FileProblem } from '@vitrine/api/rules';
import { expect } from 'vitest';
import { refusal } from './refusal.ts';
import type { TestApp } from './test-app.ts';

/**
 * Confirms uploads none of which can become an image: the server answers
 * 400 and names each file with its reason. Returns those reasons.
 */
export async function refusedConfirm(
  test: Pick<TestApp, 'api'>,
  productId: number,
  uploadIds: string[],
): Promise<FileProblem[]> {
  const error = await refusal(
    test.api.uploads.complete.mutate({ productId, uploadIds }),
  );
  expect(error.data?.httpStatus).toBe(400);

  return error.data?.files ?? [];
}

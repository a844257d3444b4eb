import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@vitrine/api';
import { expect } from 'vitest';

/** Awaits a call that must be refused and returns the refusal. */
export async function refusal(
  call: Promise<unknown>,
): Promise<TRPCClientError<AppRouter>> {
  const error = await call.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCClientError);

  return error as TRPCClientError<AppRouter>;
}

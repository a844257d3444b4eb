import { TRPCClientError } from '@trpc/client';

const maxQueryAttempts = 3;

/**
 * Retries a query that the network dropped or the server failed. A refusal
 * (any 4xx, such as a product that does not exist) will not change by
 * asking again, so it shows at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= maxQueryAttempts - 1) return false;
  const status: unknown =
    error instanceof TRPCClientError ? error.data?.httpStatus : undefined;

  return typeof status !== 'number' || status >= 500;
}

import { TRPCClientError } from '@trpc/client';
import { toSentence } from '../to-sentence.ts';

const unreachable =
  'The server could not be reached; check the connection and try again.';

/** Plain words a person can act on, from whatever a procedure call threw. */
export function readableError(error: unknown): string {
  if (!(error instanceof TRPCClientError)) {
    return error instanceof Error
      ? toSentence(error.message)
      : 'Something went wrong; try again.';
  }
  // Without error data the answer did not come from tRPC: the request never
  // arrived, or something in between (a proxy) answered instead.
  if (!error.data) return unreachable;

  // The server words every refusal for people, input errors included.
  return toSentence(error.message);
}

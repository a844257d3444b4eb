import { TRPCClientError } from '@trpc/client';
import { toSentence } from '../to-sentence.ts';

const unreachable =
  'The server could not be reached; check the connection and try again.';

/**
 * Plain words a person can act on, from whatever a procedure call threw.
 * The server names the fields of its input ("newPassword: must be …");
 * `labels` gives the words the form shows for them instead.
 */
export function readableError(
  error: unknown,
  labels: Record<string, string> = {},
): string {
  if (!(error instanceof TRPCClientError)) {
    return error instanceof Error
      ? toSentence(error.message)
      : 'Something went wrong; try again.';
  }
  // Without error data the answer did not come from tRPC: the request never
  // arrived, or something in between (a proxy) answered instead.
  if (!error.data) return unreachable;

  // The server words every refusal for people, input errors included.
  return toSentence(withLabels(error.message, labels));
}

/** "newPassword: must be …; name: …" with each known field's label. */
function withLabels(message: string, labels: Record<string, string>) {
  return message
    .split('; ')
    .map((part) => {
      const colon = part.indexOf(': ');
      const label = colon > 0 ? labels[part.slice(0, colon)] : undefined;
      return label ? `${label} ${part.slice(colon + 2)}` : part;
    })
    .join('; ');
}

/** How many times one file is sent before the queue gives up on it. */
export const maxSendAttempts = 6;

const firstDelayMs = 1000;
const longestDelayMs = 15_000;

/**
 * How long to wait after the given failed attempt: 1 s, 2 s, 4 s, 8 s, then
 * 15 s, each shortened by up to a fifth at random so that many files (or
 * many admins) do not come back to the store at the same instant.
 */
export function retryDelayMs(failedAttempts: number, random: number): number {
  const doubled = firstDelayMs * 2 ** Math.max(0, failedAttempts - 1);
  const capped = Math.min(doubled, longestDelayMs);

  return Math.round(capped * (1 - random * 0.2));
}

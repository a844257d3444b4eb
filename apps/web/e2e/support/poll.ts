import { expect } from 'vitest';

/**
 * expect.poll with room for real work: uploads, store restarts and a busy
 * two-core machine need more than its default second. It waits for a
 * state, never measures time.
 */
export function poll<T>(read: () => T | Promise<T>, timeoutMs = 20_000) {
  return expect.poll(read, { timeout: timeoutMs, interval: 100 });
}

import { z } from 'zod';

/**
 * A whole number from `min` up to what JavaScript counts exactly. Each
 * failure says one thing: "is too large" rather than "not whole" for 1e20.
 */
export function wholeNumber(min: number, unit = '') {
  const whole = unit ? `a whole number of ${unit}` : 'a whole number';

  return z
    .number({
      error: (issue) =>
        issue.input === undefined ? 'is required' : `must be ${whole}`,
    })
    .min(min, {
      error: min === 0 ? 'must not be negative' : `must be at least ${min}`,
    })
    .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
    .refine(Number.isInteger, { error: `must be ${whole}` });
}

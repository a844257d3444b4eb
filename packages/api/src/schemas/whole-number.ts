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
    .min(min, { error: belowMessage(min) })
    .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
    .refine(Number.isInteger, { error: `must be ${whole}` });
}

function belowMessage(min: number): string {
  if (min === 0) return 'must not be negative';
  if (min === 1) return 'must be positive';

  return `must be at least ${min}`;
}

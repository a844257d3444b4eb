import { z } from 'zod';

/** C0 and C1 controls, and the marks that reorder text (RLO and kin). */
export const hiddenControls = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A surrogate half without its other half: not valid Unicode. */
export const loneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters that take no space: a name of only these looks empty. */
const invisibleOnly = /^[\s\u200B-\u200D\u2060\uFEFF]*$/u;

/**
 * Text a person names something with and others read back: trimmed, of a
 * bounded length, with no control characters, no marks that make it read
 * backwards, and something visible in it. Emoji and every script are fine.
 */
export function displayText(maxLength: number) {
  return (
    z
      .string({
        error: (issue) =>
          issue.input === undefined ? 'is required' : 'must be text',
      })
      .trim()
      // Each check stops the rest: one reason, the first that applies.
      .min(1, { error: 'must not be empty', abort: true })
      .max(maxLength, {
        error: `must be at most ${maxLength} characters`,
        abort: true,
      })
      .refine((text) => !loneSurrogate.test(text), {
        error: 'must be valid Unicode text',
        abort: true,
      })
      .refine((text) => !hiddenControls.test(text), {
        error:
          'must not contain control characters or marks that reverse the text',
        abort: true,
      })
      .refine((text) => !invisibleOnly.test(text), {
        error: 'must contain a visible character',
      })
  );
}

import { z } from 'zod';
import { hiddenControls, loneSurrogate } from '../rules/display-characters.ts';

/** Characters that take no space: a name of only these looks empty. */
const invisibleOnly = /^[\s\u200B-\u200D\u2060\uFEFF]*$/u;

/**
 * Text a person writes and others read back (a name, an alt text):
 * trimmed, of a bounded length, with no control characters and no marks
 * that make it read backwards. Emoji and every script are fine. Unless
 * `mayBeEmpty`, it must have something visible in it.
 */
export function displayText(maxLength: number, { mayBeEmpty = false } = {}) {
  // Each check stops the rest: one reason, the first that applies.
  const text = z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'is required' : 'must be text',
    })
    .trim()
    .min(mayBeEmpty ? 0 : 1, { error: 'must not be empty', abort: true })
    .max(maxLength, {
      error: `must be at most ${maxLength} characters`,
      abort: true,
    })
    .refine((value) => !loneSurrogate.test(value), {
      error: 'must be valid Unicode text',
      abort: true,
    })
    .refine((value) => !hiddenControls.test(value), {
      error:
        'must not contain control characters or marks that reverse the text',
      abort: true,
    });
  if (mayBeEmpty) return text;

  return text.refine((value) => !invisibleOnly.test(value), {
    error: 'must contain a visible character',
  });
}

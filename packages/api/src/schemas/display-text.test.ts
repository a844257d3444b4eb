import { describe, expect, it } from 'vitest';
import { displayText } from './display-text.ts';

const name = displayText(200);

function problem(input: unknown): string | undefined {
  const result = name.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('displayText', () => {
  it.each([
    ['plain', 'Blue mug', 'Blue mug'],
    ['trimmed', '  Blue mug \n', 'Blue mug'],
    ['emoji', 'Mug ☕️ 🇫🇷', 'Mug ☕️ 🇫🇷'],
    ['Arabic', 'كوب أزرق', 'كوب أزرق'],
    ['Hebrew with a number', 'ספל 2', 'ספל 2'],
    ['accents', 'Théière à l’ancienne', 'Théière à l’ancienne'],
  ])('takes %s text', (_, input, expected) => {
    expect(name.parse(input)).toBe(expected);
  });

  it.each([
    ['nothing', undefined, 'is required'],
    ['a number', 42, 'must be text'],
    ['spaces only', '   ', 'must not be empty'],
    ['201 characters', 'x'.repeat(201), 'must be at most 200 characters'],
    [
      'a NUL',
      'mug\u0000',
      'must not contain control characters or marks that reverse the text',
    ],
    [
      'a bell',
      'mug\u0007',
      'must not contain control characters or marks that reverse the text',
    ],
    [
      'a newline inside',
      'blue\nmug',
      'must not contain control characters or marks that reverse the text',
    ],
    [
      'a right-to-left override',
      'gpj.\u202Eexe',
      'must not contain control characters or marks that reverse the text',
    ],
    [
      'an isolate',
      'a\u2067b',
      'must not contain control characters or marks that reverse the text',
    ],
    ['a lone surrogate', 'mug\uD800', 'must be valid Unicode text'],
    [
      'zero-width spaces only',
      '\u200B\u200B',
      'must contain a visible character',
    ],
    // trim() counts the byte-order mark as white space.
    ['a byte-order mark only', '\uFEFF', 'must not be empty'],
  ])('refuses %s', (_, input, message) => {
    expect(problem(input)).toBe(message);
  });
});

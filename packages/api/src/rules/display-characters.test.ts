import { describe, expect, it } from 'vitest';
import {
  cleanDisplayText,
  hiddenControls,
  loneSurrogate,
} from './display-characters.ts';

describe('cleanDisplayText', () => {
  it.each([
    ['tab\there.jpg', 'tab here.jpg'],
    ['two\nlines.jpg', 'two lines.jpg'],
    ['\r\n\tpadded\u0000.jpg\n', 'padded .jpg'],
    ['photo\u202Egpj.exe.jpg', 'photogpj.exe.jpg'],
    ['a\u2066b\u2069c', 'abc'],
    ['broken\uD800.jpg', 'broken.jpg'],
    ['Crème brûlée 🍮 写真.jpg', 'Crème brûlée 🍮 写真.jpg'],
  ])('makes %j %j', (given, cleaned) => {
    const result = cleanDisplayText(given);

    expect(result).toBe(cleaned);
    expect(hiddenControls.test(result)).toBe(false);
    expect(loneSurrogate.test(result)).toBe(false);
  });
});

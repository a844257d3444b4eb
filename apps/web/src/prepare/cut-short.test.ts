import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../server/test/support/fixtures.ts';
import { isCutShort } from './cut-short.ts';

// Found by a third tester: a JPEG without its end was called a photo no
// browser can show, when the server would say it is cut short.
describe('isCutShort', () => {
  it.each([
    ['accept/jpeg-baseline.jpg', 'image/jpeg'],
    ['accept/png-sample.png', 'image/png'],
    ['accept/gif-sample.gif', 'image/gif'],
  ] as const)('finds %s whole, and cut short without its end', (file, type) => {
    const bytes = fixtureBytes(file);

    expect(isCutShort(bytes, type)).toBe(false);
    expect(isCutShort(bytes.subarray(0, bytes.length - 2), type)).toBe(true);
  });

  it('knows nothing of the ends of other formats', () => {
    const bytes = fixtureBytes('accept/webp-lossy.webp');
    expect(isCutShort(bytes.subarray(0, 100), 'image/webp')).toBe(false);
  });
});

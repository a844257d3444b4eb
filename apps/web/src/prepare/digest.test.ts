import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webFixture } from '../../test-fixtures/web-fixtures.ts';
import { sha256Base64 } from './digest.ts';

describe('sha256Base64', () => {
  it.each([
    ['an empty file', new Uint8Array()],
    ['a photo', webFixture('photo-portrait-exif6-gps.jpg')],
  ])('gives the base64 SHA-256 of %s', async (_, bytes) => {
    const expected = createHash('sha256').update(bytes).digest('base64');

    expect(await sha256Base64(bytes)).toBe(expected);
  });

  it('gives the known digest of "abc"', async () => {
    const bytes = new TextEncoder().encode('abc');

    expect(await sha256Base64(bytes)).toBe(
      'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=',
    );
  });
});

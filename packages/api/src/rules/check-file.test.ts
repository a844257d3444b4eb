import { describe, expect, it } from 'vitest';
import { checkDeclaredFile } from './check-file.ts';

const limit = 10 * 1024 * 1024;

describe('checkDeclaredFile', () => {
  it.each([
    ['image/jpeg', 'image/jpeg'],
    ['image/jpg', 'image/jpeg'],
    [' IMAGE/PNG ', 'image/png'],
    ['image/webp', 'image/webp'],
    ['image/avif', 'image/avif'],
    ['image/gif', 'image/gif'],
  ])('takes %j as %s', (type, expected) => {
    expect(checkDeclaredFile({ name: 'a', type, size: 1 }, limit)).toEqual({
      ok: true,
      type: expected,
    });
  });

  it.each([
    ['image/svg+xml', 'image/svg+xml is not allowed'],
    ['image/bmp', 'image/bmp is not allowed'],
    ['image/heic', 'image/heic is not allowed'],
    ['application/octet-stream', 'application/octet-stream is not allowed'],
    ['', 'an unknown type is not allowed'],
  ])('refuses %j, naming what is allowed', (type, message) => {
    const check = checkDeclaredFile({ name: 'x.img', type, size: 1 }, limit);

    expect(check).toEqual({
      ok: false,
      problem: {
        name: 'x.img',
        code: 'TYPE_NOT_ALLOWED',
        message: `${message}; choose a JPEG, PNG, WebP, AVIF or GIF image.`,
      },
    });
  });

  it('refuses an empty file', () => {
    const check = checkDeclaredFile(
      { name: 'e.jpg', type: 'image/jpeg', size: 0 },
      limit,
    );
    expect(check).toMatchObject({ ok: false, problem: { code: 'EMPTY_FILE' } });
  });

  it('takes a file of exactly the limit and refuses one byte more', () => {
    const file = { name: 'big.jpg', type: 'image/jpeg' };

    expect(checkDeclaredFile({ ...file, size: limit }, limit).ok).toBe(true);
    expect(checkDeclaredFile({ ...file, size: limit + 1 }, limit)).toEqual({
      ok: false,
      problem: {
        name: 'big.jpg',
        code: 'FILE_TOO_LARGE',
        message:
          'the file is 10485761 bytes; the limit is 10485760 bytes (10 MB).',
      },
    });
  });
});

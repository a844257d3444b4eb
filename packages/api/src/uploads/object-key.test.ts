import { expect, it } from 'vitest';
import { newObjectKey } from './object-key.ts';

it('builds products/<id>/<random>.<ext from the type>', () => {
  expect(newObjectKey(42, 'image/jpeg')).toMatch(
    /^products\/42\/[A-Za-z0-9_-]{22}\.jpg$/,
  );
  expect(newObjectKey(7, 'image/avif')).toMatch(/\.avif$/);
  expect(newObjectKey(7, 'image/webp')).toMatch(/\.webp$/);
});

it('never repeats a key', () => {
  const keys = new Set(
    Array.from({ length: 1000 }, () => newObjectKey(1, 'image/png')),
  );
  expect(keys.size).toBe(1000);
});

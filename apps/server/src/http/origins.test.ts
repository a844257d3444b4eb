import { expect, it } from 'vitest';
import { appOrigins } from './origins.ts';

it('allows localhost and 127.0.0.1 alike on the listening port', () => {
  expect(appOrigins(undefined, 4321)).toEqual([
    'http://localhost:4321',
    'http://127.0.0.1:4321',
  ]);
});

it('adds the loopback twin of a configured loopback origin', () => {
  expect(appOrigins('http://127.0.0.1:5173', 3000)).toEqual([
    'http://localhost:5173',
    'http://127.0.0.1:5173',
  ]);
});

it('keeps a public origin as it is', () => {
  expect(appOrigins('https://admin.shop.example/', 3000)).toEqual([
    'https://admin.shop.example',
  ]);
});

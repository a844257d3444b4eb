import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { envSchema } from './env-schema.ts';
import { loadConfig } from './load-config.ts';

const example = readFileSync(
  new URL('../../../../.env.example', import.meta.url),
  'utf8',
);

it('.env.example lists every variable the server reads, and parses', () => {
  const names = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
  expect(names.sort()).toEqual(Object.keys(envSchema.shape).sort());

  const values = Object.fromEntries(
    [...example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
  );
  expect(loadConfig(values).storage.kind).toBe('embedded');
});

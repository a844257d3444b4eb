import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared image fixtures, beside the project's checkout. */
export const fixturesDir =
  process.env.VITRINE_FIXTURES_DIR ??
  fileURLToPath(
    new URL('../../../../../shared/fixtures/images', import.meta.url),
  );

export interface AcceptFixture {
  file: string;
  bytes: number;
  type: string;
  width: number;
  height: number;
  exifOrientation: number;
}

export interface RejectFixture {
  file: string;
  bytes: number;
  why: string;
}

interface Manifest {
  accept: AcceptFixture[];
  reject: RejectFixture[];
}

export const manifest: Manifest = JSON.parse(
  readFileSync(resolve(fixturesDir, 'manifest.json'), 'utf8'),
);

export function fixtureBytes(file: string): Buffer {
  return readFileSync(resolve(fixturesDir, file));
}

/** The file name a browser would report, without the folder. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

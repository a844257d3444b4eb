import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** This folder: the web app's own fixtures (see README.md here). */
export const webFixturesDir = fileURLToPath(new URL('./', import.meta.url));

/** The bytes of one of the web app's own fixtures, by file name. */
export function webFixture(file: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(`${webFixturesDir}${file}`));
}

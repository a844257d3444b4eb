import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const budgetBytes = 150 * 1024;

/**
 * The JavaScript a browser must fetch before the first page shows: the
 * entry script of index.html and every module it preloads. Chunks loaded
 * later on demand do not count.
 */
function initialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)];
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)].filter((tag) =>
    /\brel="modulepreload"/.test(tag[0]),
  );
  const hrefs = preloads.map((tag) => /\bhref="([^"]+)"/.exec(tag[0]));

  return [...scripts.map((match) => match[1]), ...hrefs.map((m) => m?.[1])]
    .filter((path): path is string => Boolean(path))
    .map((path) => path.replace(/^\//, ''));
}

it('keeps the initial JavaScript under 150 KB gzipped', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = initialScripts(html);
  const gzippedBytes = scripts.reduce(
    (sum, script) => sum + gzipSync(readFileSync(join(dist, script))).length,
    0,
  );

  const size = `${(gzippedBytes / 1024).toFixed(1)} KB gzipped`;
  console.log(
    `Initial JavaScript: ${size} (budget 150 KB) in ${scripts.join(', ')}`,
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(
    gzippedBytes,
    `the initial JavaScript is ${size}, over the 150 KB budget`,
  ).toBeLessThanOrEqual(budgetBytes);
});

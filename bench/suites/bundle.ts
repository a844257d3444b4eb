import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));

/** The SPA's budget for the JavaScript it loads before it can start. */
export const budgetBytes = 150_000;

export interface BundleResult {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
}

/**
 * Target 7: the JavaScript that index.html loads at once (its module
 * script and the modules it preloads), gzipped at the default level, as a
 * web server would send it. Needs `pnpm build` first.
 */
export function benchBundle(): BundleResult {
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const paths = tags
    .filter((tag) => /type="module"|rel="modulepreload"/.test(tag))
    .map((tag) => /(?:src|href)="\/?([^"]+\.js)"/.exec(tag)?.[1])
    .filter((path): path is string => path !== undefined);
  if (paths.length === 0) throw new Error('index.html loads no JavaScript');

  const files = paths.map((path) => {
    const bytes = readFileSync(`${dist}${path}`);
    return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });

  return {
    files,
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    budgetBytes,
  };
}

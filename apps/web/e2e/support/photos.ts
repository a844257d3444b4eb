import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from 'playwright-core';

export const fixturesDir = fileURLToPath(
  new URL('../../../../../shared/fixtures/images/', import.meta.url),
);

/** The type Chromium gives a file from its extension. */
const typesByExtension: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

export function fixture(file: string): string {
  return `${fixturesDir}${file}`;
}

/**
 * Drops files on an element the way a person dragging them from the desktop
 * does: dragenter, dragover and drop, with a DataTransfer holding them.
 */
export async function dropFiles(target: Locator, paths: string[]) {
  const files = paths.map((path) => ({
    name: basename(path),
    type: typesByExtension[extname(path).toLowerCase()] ?? '',
    base64: readFileSync(path).toString('base64'),
  }));
  const transfer = await target.page().evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return data;
  }, files);

  for (const type of ['dragenter', 'dragover', 'drop']) {
    await target.dispatchEvent(type, { dataTransfer: transfer });
  }
  await transfer.dispose();
}

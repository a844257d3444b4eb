import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const readmeShots = fileURLToPath(
  new URL('../../../../docs/screenshots/', import.meta.url),
);

/**
 * Saves what the page shows. Every run writes to e2e/artifacts (ignored by
 * git); with UPDATE_SCREENSHOTS=1 the README's copies in docs/screenshots
 * are replaced too, so a normal test run leaves the work tree clean.
 */
export async function saveScreenshot(page: Page, name: string) {
  // Toasts would cover what the picture is meant to show.
  for (const close of await page.getByLabel('Dismiss this message').all()) {
    await close.click();
  }
  const folders = [artifacts];
  if (process.env.UPDATE_SCREENSHOTS === '1') folders.push(readmeShots);

  for (const folder of folders) {
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: `${folder}${name}.png` });
  }
}

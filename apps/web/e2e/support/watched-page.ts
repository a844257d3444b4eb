import type { BrowserContext, Page } from 'playwright-core';

/**
 * A new page that writes down what must not happen: script errors, a
 * Content Security Policy that blocks something, a dialog other than the
 * one a test causes by leaving while uploads are on their way.
 */
export async function openWatchedPage(
  context: BrowserContext,
  problems: string[],
): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/.test(text)) problems.push(text);
  });
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') {
      void dialog.accept();
      return;
    }
    problems.push(`unexpected ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  return page;
}

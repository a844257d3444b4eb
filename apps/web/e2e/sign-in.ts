import type { BrowserContext } from 'playwright-core';
import { sessionCookieName } from '../../server/src/http/session-cookie.ts';
import {
  ensureTestAdmin,
  signedInClient,
} from '../../server/test/support/session-client.ts';
import type { E2eApp } from './start-app.ts';

/**
 * Gives the browser a session as the test admin, as if it had signed in:
 * the log-in goes over HTTP and its cookie is handed to the browser.
 */
export async function signInBrowser(
  context: BrowserContext,
  e2e: E2eApp,
): Promise<void> {
  await ensureTestAdmin(e2e.app.db);
  const client = await signedInClient(e2e.url);

  await context.addCookies([
    {
      name: sessionCookieName,
      value: client.token() ?? '',
      url: e2e.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

import { createTRPCClient, httpLink } from '@trpc/client';
import {
  AdminExists,
  type AppRouter,
  createAdmin,
  type Database,
} from '@vitrine/api';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config/load-config.ts';
import { connectDatabase } from '../../src/db/connect.ts';

export const testAdmin = {
  email: 'tester@example.com',
  password: 'correct horse battery staple',
};

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface SessionClient {
  api: ApiClient;
  /** The session cookie's value, once a log-in set it. */
  token(): string | undefined;
}

/**
 * A tRPC client that behaves like the app's page: it sends the app's
 * Origin, and keeps the session cookie the server sets, as a browser would.
 */
export function sessionClient(url: string, token?: string): SessionClient {
  const cookies = new Map<string, string>();
  if (token) cookies.set('vitrine_session', token);
  const origin = new URL(url).origin;
  const keepingCookies: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('origin', origin);
    if (cookies.size > 0) {
      headers.set(
        'cookie',
        [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(line)) {
        cookies.set(name, value);
      } else {
        cookies.delete(name);
      }
    }

    return response;
  };
  const api = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${url}/trpc`, fetch: keepingCookies })],
  });

  return { api, token: () => cookies.get('vitrine_session') };
}

/** Makes the test admin (once) on a database a server uses. */
export async function ensureTestAdmin(db: Kysely<Database>): Promise<void> {
  try {
    await createAdmin(db, testAdmin.email, testAdmin.password, new Date());
  } catch (error) {
    if (!(error instanceof AdminExists)) throw error;
  }
}

/** A client signed in as the test admin. */
export async function signedInClient(url: string): Promise<SessionClient> {
  const client = sessionClient(url);
  await client.api.auth.login.mutate(testAdmin);

  return client;
}

/**
 * Signs in to a server running as its own process: the test admin is made
 * on the database its environment names, then logged in over HTTP.
 */
export async function signInTo(
  url: string,
  env: Record<string, string>,
): Promise<SessionClient> {
  const db = connectDatabase(loadConfig(env).database);
  try {
    await ensureTestAdmin(db);
  } finally {
    await db.destroy();
  }

  return signedInClient(url);
}

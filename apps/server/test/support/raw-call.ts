import type { TestApp } from './test-app.ts';

export interface RawAnswer {
  status: number;
  code: string | undefined;
  message: string;
}

/**
 * Calls a procedure with any JSON at all (or a raw body), as a hostile
 * client could, signed in and from the app's origin.
 */
export async function rawCall(
  test: TestApp,
  path: string,
  kind: 'query' | 'mutation',
  input: unknown,
  rawBody?: string,
  contentType = 'application/json',
): Promise<RawAnswer> {
  const url = `${test.app.url}/trpc/${path}`;
  const headers = {
    cookie: `vitrine_session=${test.sessionToken}`,
    origin: test.app.url,
    'content-type': contentType,
  };
  const response =
    kind === 'query'
      ? await fetch(
          `${url}?input=${encodeURIComponent(JSON.stringify(input) ?? '')}`,
          { headers },
        )
      : await fetch(url, {
          method: 'POST',
          headers,
          body: rawBody ?? JSON.stringify(input),
        });
  const text = await response.text();
  let body: { error?: { message?: string; data?: { code?: string } } } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { error: { message: text } };
  }

  return {
    status: response.status,
    code: body.error?.data?.code,
    message: body.error?.message ?? '',
  };
}

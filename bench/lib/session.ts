// Every procedure but the log-in needs a session: the bench signs in once
// and every request it makes then carries the cookie and the app's Origin,
// as the admin's browser would.

let headers: Record<string, string> = {};

/** Remembers the session the app server opened for the bench. */
export function useSession(appUrl: string, token: string): void {
  headers = {
    cookie: `vitrine_session=${token}`,
    origin: new URL(appUrl).origin,
  };
}

/** The headers that make a request the signed-in admin's. */
export function sessionHeaders(): Record<string, string> {
  return headers;
}

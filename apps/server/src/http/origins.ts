const loopbackNames = ['localhost', '127.0.0.1'];

/**
 * The origins a browser may load the admin app from. A loopback address is
 * reachable as both `localhost` and `127.0.0.1`, and the browser treats the
 * two as different origins, so both are allowed.
 */
export function appOrigins(
  appOrigin: string | undefined,
  listeningPort: number,
): string[] {
  const base = appOrigin
    ? new URL(appOrigin)
    : new URL(`http://localhost:${listeningPort}`);
  if (!loopbackNames.includes(base.hostname)) return [base.origin];

  return loopbackNames.map((name) => {
    const twin = new URL(base.origin);
    twin.hostname = name;
    return twin.origin;
  });
}

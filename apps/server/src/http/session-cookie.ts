import type { SessionCookie } from '@vitrine/api';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const sessionCookieName = 'vitrine_session';

/**
 * The session cookie of one request: httpOnly so no script reads it, Lax so
 * other sites' forms and scripts do not carry it, Secure whenever the app
 * is served over HTTPS (directly, or behind a proxy that APP_ORIGIN names).
 */
export function sessionCookieFor(
  request: FastifyRequest,
  reply: FastifyReply,
  appOrigin: string | undefined,
): SessionCookie {
  const secure =
    request.protocol === 'https' || Boolean(appOrigin?.startsWith('https:'));
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  } as const;

  return {
    read: () => request.cookies[sessionCookieName] || undefined,
    write(token, expiresAt) {
      reply.setCookie(sessionCookieName, token, {
        ...options,
        expires: expiresAt,
      });
    },
    clear() {
      reply.clearCookie(sessionCookieName, options);
    },
  };
}

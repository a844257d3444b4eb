import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { notSignedIn } from './auth/auth-errors.ts';
import { findSession } from './auth/find-session.ts';
import type { RequestContext } from './context.ts';
import { FileRefusal, StoreUnavailable } from './errors.ts';

const t = initTRPC.context<RequestContext>().create({
  // Stack traces go to the server's log, never into a response.
  isDev: false,
  // Plain JSON on purpose: curl and any HTTP client can drive the API.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const files = cause instanceof FileRefusal ? cause.files : undefined;
    const message =
      cause instanceof ZodError
        ? describeIssues(cause)
        : error.code === 'INTERNAL_SERVER_ERROR'
          ? // The cause goes to the server's log, not to the browser.
            'Something went wrong on the server; try again in a moment.'
          : shape.message;

    return { ...shape, message, data: { ...shape.data, files } };
  },
});

/**
 * zod writes its issues as JSON into the error message; a person reads
 * "files[0].size: must not be negative" instead.
 */
function describeIssues(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path
        .map((part, index) =>
          typeof part === 'number'
            ? `[${part}]`
            : `${index > 0 ? '.' : ''}${String(part)}`,
        )
        .join('');
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** A store outage is the store's fault, not the server's: 503, not 500. */
const storeOutageIs503 = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof StoreUnavailable) {
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The image store did not answer; try again in a moment.',
      cause: result.error.cause,
    });
  }

  return result;
});

/** Refuses a request without a live session; hands on the admin. */
const signedIn = t.middleware(async ({ ctx, next }) => {
  const token = ctx.sessionCookie.read();
  const admin = token ? await findSession(ctx.db, token, ctx.now()) : undefined;
  if (!admin) {
    if (token) ctx.sessionCookie.clear();
    throw notSignedIn();
  }

  return next({ ctx: { admin } });
});

export const router = t.router;
/** Open to anyone: only log-in. Everything else is `authedProcedure`. */
export const publicProcedure = t.procedure.use(storeOutageIs503);
/**
 * Signed in, perhaps still with a one-time password: only for what that
 * password is for (who am I, change it, sign out).
 */
export const sessionProcedure = publicProcedure.use(signedIn);

/** A one-time password lets its admin choose a new one, and nothing else. */
const ownPassword = t.middleware(async ({ ctx, next }) => {
  const admin = (ctx as { admin?: { mustChangePassword: boolean } }).admin;
  if (admin?.mustChangePassword) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        'Choose a password of your own first (auth.changePassword): a ' +
        'one-time password only lets you do that.',
    });
  }

  return next();
});

/** Signed in with a password of the admin's own: everything else. */
export const authedProcedure = sessionProcedure.use(ownPassword);
export const createCallerFactory = t.createCallerFactory;

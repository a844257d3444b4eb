import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context.ts';
import { FileRefusal, StoreUnavailable } from './errors.ts';

const t = initTRPC.context<Context>().create({
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

export const router = t.router;
export const publicProcedure = t.procedure.use(storeOutageIs503);
export const createCallerFactory = t.createCallerFactory;

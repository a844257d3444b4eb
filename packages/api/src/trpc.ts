import { initTRPC } from '@trpc/server';
import type { Context } from './context.ts';
import { FileRefusal } from './errors.ts';

const t = initTRPC.context<Context>().create({
  // Plain JSON on purpose: curl and any HTTP client can drive the API.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const files = cause instanceof FileRefusal ? cause.files : undefined;

    return { ...shape, data: { ...shape.data, files } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

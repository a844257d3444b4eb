import { publicProcedure, router, sessionProcedure } from '../trpc.ts';
import { changePassword } from './change-password.ts';
import { endSession } from './end-sessions.ts';
import { logIn } from './log-in.ts';
import { changePasswordInput, logInInput } from './schemas.ts';

export const authRouter = router({
  login: publicProcedure
    .input(logInInput)
    .mutation(({ ctx, input }) => logIn(ctx, input.email, input.password)),

  logout: sessionProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx.db, ctx.admin.tokenHash);
    ctx.sessionCookie.clear();
    return { signedOut: true };
  }),

  me: sessionProcedure.query(({ ctx }) => ({
    email: ctx.admin.email,
    mustChangePassword: ctx.admin.mustChangePassword,
  })),

  changePassword: sessionProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) =>
      changePassword(ctx, ctx.admin, input.currentPassword, input.newPassword),
    ),
});

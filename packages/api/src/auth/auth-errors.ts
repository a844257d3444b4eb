import { TRPCError } from '@trpc/server';

/** The one answer to any failed log-in: it must not tell which part. */
export function wrongCredentials(): TRPCError {
  return new TRPCError({
    code: 'UNAUTHORIZED',
    message: 'The email or the password is not right.',
  });
}

export function notSignedIn(): TRPCError {
  return new TRPCError({
    code: 'UNAUTHORIZED',
    message: 'Sign in first; your session has ended or never began.',
  });
}

export function wrongCurrentPassword(): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: "currentPassword: is not this account's password.",
  });
}

import { z } from 'zod';
import {
  emailMaxLength,
  passwordMaxLength,
  passwordMinLength,
} from '../rules/password-rules.ts';

export const emailPattern = /^[^\s@]+@[^\s@]+$/;

const text = (what: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be ${what}`,
  });

export const email = text('an email address')
  .trim()
  .min(1, { error: 'is required', abort: true })
  .max(emailMaxLength, {
    error: `must be at most ${emailMaxLength} characters`,
    abort: true,
  })
  // Loose on purpose: `admin@localhost` is an account name here, and the
  // address is compared, never mailed.
  .regex(emailPattern, {
    error: 'must be an email address like ann@example.com',
  });

/** Any password up to the bound: the rules apply when one is chosen. */
const givenPassword = text('text')
  .min(1, { error: 'is required', abort: true })
  .max(passwordMaxLength, {
    error: `must be at most ${passwordMaxLength} characters`,
  });

export const newPassword = text('text')
  .min(passwordMinLength, {
    error: `must be at least ${passwordMinLength} characters`,
    abort: true,
  })
  .max(passwordMaxLength, {
    error: `must be at most ${passwordMaxLength} characters`,
  });

export const logInInput = z.strictObject({ email, password: givenPassword });

export const changePasswordInput = z
  .strictObject({ currentPassword: givenPassword, newPassword })
  .refine((input) => input.newPassword !== input.currentPassword, {
    error: 'must differ from the current password',
    path: ['newPassword'],
  });

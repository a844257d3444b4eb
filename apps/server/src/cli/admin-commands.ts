import {
  AdminExists,
  createAdmin,
  emailSchema,
  setAdminPassword,
} from '@vitrine/api';
import { passwordMaxLength, passwordMinLength } from '@vitrine/api/rules';
import { migrateToLatest } from '../db/migrate.ts';
import { PasswordMismatch, readPassword } from './read-password.ts';
import type { Runtime } from './runtime.ts';

const usage = (command: string) =>
  `Usage: pnpm cli ${command} <email>   (the password is read from ` +
  'standard input, or asked for at a terminal; never give it as an argument)';

/** `admin:create <email>`: adds an admin with a password read in. */
export async function createAdminCommand(
  runtime: Runtime,
  args: string[],
): Promise<number> {
  const email = parseEmail(runtime, 'admin:create', args);
  if (!email) return 2;
  const password = await askPassword(runtime);
  if (!password) return 2;

  const db = runtime.db();
  await migrateToLatest(db);
  try {
    await createAdmin(db, email, password, new Date());
  } catch (error) {
    if (!(error instanceof AdminExists)) throw error;
    runtime.print(
      `${error.message} To give it a new password: pnpm cli admin:reset-password ${error.email}`,
    );
    return 1;
  }

  runtime.print(`Created the admin ${email.toLowerCase()}.`);
  return 0;
}

/** `admin:reset-password <email>`: a new password; its sessions end. */
export async function resetPasswordCommand(
  runtime: Runtime,
  args: string[],
): Promise<number> {
  const email = parseEmail(runtime, 'admin:reset-password', args);
  if (!email) return 2;
  const password = await askPassword(runtime);
  if (!password) return 2;

  const db = runtime.db();
  await migrateToLatest(db);
  if (!(await setAdminPassword(db, email, password, new Date()))) {
    runtime.print(
      `There is no admin with the email ${email}; create one with: pnpm cli admin:create ${email}`,
    );
    return 1;
  }

  runtime.print(
    `Set a new password for ${email.toLowerCase()}; its sessions have ended.`,
  );
  return 0;
}

function parseEmail(
  runtime: Runtime,
  command: string,
  args: string[],
): string | undefined {
  const parsed = emailSchema.safeParse(args[0]);
  if (args.length !== 1 || !parsed.success) {
    runtime.print(usage(command));
    return undefined;
  }

  return parsed.data;
}

async function askPassword(runtime: Runtime): Promise<string | undefined> {
  let password: string;
  try {
    password = await readPassword('New password');
  } catch (error) {
    if (!(error instanceof PasswordMismatch)) throw error;
    runtime.print(error.message);
    return undefined;
  }
  if (password.length < passwordMinLength) {
    runtime.print(
      `The password must be at least ${passwordMinLength} characters; nothing was changed.`,
    );
    return undefined;
  }
  if (password.length > passwordMaxLength) {
    runtime.print(
      `The password must be at most ${passwordMaxLength} characters; nothing was changed.`,
    );
    return undefined;
  }

  return password;
}

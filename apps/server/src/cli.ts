import { existsSync } from 'node:fs';
import {
  createAdminCommand,
  resetPasswordCommand,
} from './cli/admin-commands.ts';
import { auditCommand } from './cli/audit-command.ts';
import { doctorCommand } from './cli/doctor-command.ts';
import { migrateCommand } from './cli/migrate-command.ts';
import { createRuntime, type Runtime } from './cli/runtime.ts';
import { storageCorsCommand } from './cli/storage-cors-command.ts';
import { sweepCommand } from './cli/sweep-command.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
if (existsSync('.env')) process.loadEnvFile('.env');

type Command = (runtime: Runtime, args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  migrate: {
    run: migrateCommand,
    help: 'bring the database schema up to date',
  },
  sweep: {
    run: sweepCommand,
    help: 'delete expired uploads and retry queued object deletions',
  },
  'storage:cors': {
    run: storageCorsCommand,
    help: "set the bucket's CORS rules for APP_ORIGIN",
  },
  doctor: {
    run: doctorCommand,
    help: 'check the configuration, database and bucket, one line each',
  },
  audit: {
    run: auditCommand,
    help: 'compare the bucket with the database; --fix deletes orphans',
  },
  'admin:create': {
    run: createAdminCommand,
    help: 'add an admin: <email>, the password from stdin or a prompt',
  },
  'admin:reset-password': {
    run: resetPasswordCommand,
    help: "set an admin's password and end its sessions: <email>",
  },
};

const [name = '', ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  const lines = Object.entries(commands).map(
    ([key, { help }]) => `  ${key.padEnd(22)}${help}`,
  );
  console.error(`Usage: pnpm cli <command>\n\nCommands:\n${lines.join('\n')}`);
  process.exit(2);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const runtime = createRuntime(config, (line) => console.log(line));
try {
  process.exitCode = await command.run(runtime, args);
} finally {
  await runtime.close();
}

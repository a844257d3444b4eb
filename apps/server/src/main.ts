import { existsSync } from 'node:fs';
import { startApp } from './app.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { StartError } from './http/listen.ts';

// The AWS SDK warns about Node 20 on every start; the lockfile keeps a
// version that supports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// In development, settings may sit in a .env file beside the command;
// variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const app = await startApp(loadConfig());
  app.fastify.log.info(
    { url: app.url, storage: app.storage.embedded ? 'embedded' : 's3' },
    'vitrine is ready',
  );
  // A plain line a person (or a test) can read without parsing JSON logs.
  process.stdout.write(`Vitrine is running at ${app.url}\n`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.fastify.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof StartError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

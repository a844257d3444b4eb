import { appOrigins } from '../http/origins.ts';
import {
  corsRuleFor,
  describeCorsRules,
  readBucketCors,
  writeBucketCors,
} from '../storage/bucket-cors.ts';
import type { Runtime } from './runtime.ts';

/**
 * Sets the bucket's CORS rules for the configured app origin. Running it
 * twice changes nothing the second time; it prints what it changed.
 */
export async function storageCorsCommand(runtime: Runtime): Promise<number> {
  const { config } = runtime;
  // Guessing would overwrite the rules a running server set for its port.
  if (!config.appOrigin) {
    runtime.print(
      'APP_ORIGIN is not set: set it to the address admins open (like ' +
        'https://admin.example.com), then run this again.',
    );
    return 2;
  }
  const storage = await runtime.storage();
  const wanted = [corsRuleFor(appOrigins(config.appOrigin, config.port))];
  const before = describeCorsRules(
    await readBucketCors(storage.client, storage.bucket),
  );
  const after = describeCorsRules(wanted);

  if (before.join('\n') === after.join('\n')) {
    runtime.print(`The CORS rules of ${storage.bucket} are already right:`);
    for (const rule of after) runtime.print(`  ${rule}`);
    return 0;
  }

  await writeBucketCors(storage.client, storage.bucket, wanted);
  runtime.print(`Changed the CORS rules of ${storage.bucket}:`);
  for (const rule of before) runtime.print(`- ${rule}`);
  if (before.length === 0) runtime.print('- (no rules)');
  for (const rule of after) runtime.print(`+ ${rule}`);
  return 0;
}

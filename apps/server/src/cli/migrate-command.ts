import { migrateToLatest } from '../db/migrate.ts';
import type { Runtime } from './runtime.ts';

export async function migrateCommand(runtime: Runtime): Promise<number> {
  const ran = await migrateToLatest(runtime.db());

  runtime.print(ran.length ? `Ran ${ran.join(', ')}.` : 'Already up to date.');
  return 0;
}

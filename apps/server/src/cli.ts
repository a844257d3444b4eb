import { sweepExpiredUploads } from '@vitrine/api';
import { loadConfig } from './config/load-config.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openStorage } from './storage/open-storage.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const usage = `Usage: pnpm cli <command>

Commands:
  migrate   bring the database schema up to date
  sweep     delete expired uploads: their objects, then their rows`;

const command = process.argv[2];
const config = loadConfig();
const db = connectDatabase(config.database);

try {
  if (command === 'migrate') {
    const ran = await migrateToLatest(db);
    console.log(ran.length ? `Ran ${ran.join(', ')}.` : 'Already up to date.');
  } else if (command === 'sweep') {
    await migrateToLatest(db);
    const storage = await openStorage(config.storage);
    try {
      const swept = await sweepExpiredUploads({
        db,
        store: storage.store,
        now: () => new Date(),
        limits: config.limits,
      });
      console.log(`Swept ${swept} expired upload(s).`);
    } finally {
      await storage.close();
    }
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} finally {
  await db.destroy();
}

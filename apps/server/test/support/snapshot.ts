import type { TestApp } from './test-app.ts';

const tables = [
  'product',
  'image',
  'upload',
  'object_deletion',
  'admin',
] as const;

/**
 * Every row of the tables a refusal must not touch, and the bucket's
 * listing: equal before and after means nothing was written. Sessions are
 * left out: a request's own session may move its last-seen time.
 */
export async function snapshot(
  test: TestApp,
  except: readonly (typeof tables)[number][] = [],
): Promise<string> {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables.filter((name) => !except.includes(name))) {
    rows[table] = await test.app.db
      .selectFrom(table)
      .selectAll()
      .orderBy(table === 'upload' ? 'id' : 'created_at')
      .execute();
  }

  return JSON.stringify({ rows, keys: (await test.listKeys()).sort() });
}

import { join } from 'node:path';
import { appRouter, createCallerFactory, type Database } from '@vitrine/api';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts } from './support/seed-products.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

// SQLite's query plans: this file runs in the sqlite project only (see
// vitest.config.ts). PostgreSQL chooses plans by table statistics, so the
// same assertions would not hold on a freshly filled table there.
let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
  await seedProducts(test, 10_000);
});
afterAll(() => test?.close());

describe('the product list with 10,000 products', () => {
  // Speed without timing: the work per page must not grow with the table.
  // Two queries a page, the product page read along the primary key from
  // the cursor, and the photos found through their index, never a scan.
  it('reads a page with two indexed queries', async () => {
    const path = join(test.dataDir, 'vitrine.sqlite');
    const sqlite = new SQLite(path, { readonly: true });
    const queries: CompiledQuery[] = [];
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      // The session check is the same for every procedure; not counted.
      log: (event) => {
        if (!/from "session"/.test(event.query.sql)) queries.push(event.query);
      },
    });
    try {
      const caller = createCallerFactory(appRouter)({
        ...test.app.context,
        db,
        sessionCookie: {
          read: () => test.sessionToken,
          write: () => {},
          clear: () => {},
        },
        loginLimits: { attempt: (_email, run) => run() },
      });
      const first = await caller.products.list({ limit: 24 });
      await caller.products.list({
        limit: 24,
        cursor: first.nextCursor ?? undefined,
      });

      expect(queries).toHaveLength(4);
      const details = queryPlans(sqlite, queries);
      for (const plan of details) {
        expect(plan).not.toMatch(/TEMP B-TREE/);
        expect(plan).not.toMatch(/\bSCAN image\b/);
      }
      // The second page starts from the cursor, not from the top.
      expect(details[2]).toMatch(/SEARCH product USING INTEGER PRIMARY KEY/);
      expect(details[3]).toMatch(/SEARCH image USING INDEX/);
    } finally {
      await db.destroy();
    }
  });
});

/** What SQLite says it does for each query, one line per query. */
function queryPlans(sqlite: SQLite.Database, queries: CompiledQuery[]) {
  return queries.map((query) =>
    sqlite
      .prepare(`explain query plan ${query.sql}`)
      .all(...(query.parameters as unknown[]))
      .map((row) => (row as { detail: string }).detail)
      .join('; '),
  );
}

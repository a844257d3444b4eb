import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

// Guards the test set-up itself: the "postgres" project must really talk to
// PostgreSQL, or every other test in it proves nothing.
it('runs on the database the test project names', async () => {
  const expected = process.env.VITRINE_TEST_DATABASE ?? 'sqlite';
  const query =
    expected === 'postgres'
      ? sql<{ version: string }>`select version() as version`
      : sql<{ version: string }>`select sqlite_version() as version`;

  const { rows } = await query.execute(test.app.db);

  expect(rows[0]?.version).toMatch(
    expected === 'postgres' ? /^PostgreSQL \d+/ : /^3\.\d+/,
  );
});

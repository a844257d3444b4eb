import { defineConfig } from 'vitest/config';

const serverTests = 'apps/server/test/**/*.test.ts';

export default defineConfig({
  test: {
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.{ts,tsx}',
            'bench/{lib,reference}/**/*.test.ts',
          ],
        },
      },
      {
        // The server's tests through real HTTP, on a SQLite file.
        extends: true,
        test: {
          name: 'sqlite',
          include: [serverTests],
          env: { VITRINE_TEST_DATABASE: 'sqlite' },
        },
      },
      {
        // The same tests on a real PostgreSQL cluster started for the run.
        extends: true,
        test: {
          name: 'postgres',
          include: [serverTests],
          // SQLite-only checks, such as its query plans.
          exclude: ['**/*.sqlite.test.ts'],
          env: { VITRINE_TEST_DATABASE: 'postgres' },
          globalSetup: ['apps/server/test/support/postgres-global-setup.ts'],
        },
      },
      {
        // Run on their own by `pnpm test`, after the rest, one file at a
        // time: several browsers on a busy 2-core machine miss their
        // waits (the keyboard reorder's live-region announcements first).
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.test.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});

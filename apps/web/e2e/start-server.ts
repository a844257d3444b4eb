import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../../server/test/support/spawn-server.ts';

export interface StartedServer {
  url: string;
  dataDir: string;
  /** Everything the server printed so far, its log included. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the app the way a person does, on embedded defaults in a fresh
 * data folder and a free port.
 */
export async function startServer(
  env: Record<string, string> = {},
): Promise<StartedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-'));
  const server = await spawnServer({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });

  return {
    url: server.url,
    dataDir,
    output: server.output,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

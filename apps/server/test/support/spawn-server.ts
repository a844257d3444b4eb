import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { secretsInLog } from './secrets-in-log.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends SIGTERM (once) and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the server as its own process, as `pnpm serve` does, and waits
 * for the address it prints.
 */
export async function spawnServer(
  env: Record<string, string>,
): Promise<ServerProcess> {
  // One process, so that a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Vitrine is running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    exited.then((code) =>
      reject(new Error(`The server exited (${code}):\n${output}`)),
    );
  });

  return {
    url,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (!child.killed) child.kill('SIGTERM');
      }
      const code = await exited;
      const secret = env.S3_SECRET_ACCESS_KEY ?? 'S3RVER';
      const found = secretsInLog(output, secret);
      if (found.length > 0) {
        throw new Error(`The server's output holds ${found.join(' and ')}.`);
      }

      return code;
    },
  };
}

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** How long a child may take to start, answer or stop. */
const startTimeoutMs = 60_000;
const callTimeoutMs = 120_000;
const stopTimeoutMs = 10_000;

export interface Child {
  pid: number;
  call<TResult>(command: string, args?: unknown): Promise<TResult>;
  stop(): Promise<void>;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/**
 * Starts a bench server in a process of its own, so that its CPU and
 * memory are its own and the load generator does not share its thread.
 * The child exits when this process goes away, whatever the reason.
 */
export async function startChild(
  entry: string,
  env: Record<string, string> = {},
): Promise<Child> {
  const child = fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await waitFor(child, (message) => message === 'ready', startTimeoutMs);
  let nextId = 1;

  return {
    pid: child.pid ?? -1,
    async call<TResult>(command: string, args?: unknown) {
      const id = nextId++;
      const reply = waitFor(
        child,
        (message) => (message as Reply)?.id === id,
        callTimeoutMs,
      ) as Promise<Reply>;
      child.send({ id, command, args });
      const { result, error } = await reply;
      if (error) throw new Error(`${entry} ${command}: ${error}`);

      return result as TResult;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.send({ id: 0, command: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitFor(
  child: ChildProcess,
  wanted: (message: unknown) => boolean,
  timeoutMs: number,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanUp();
      reject(new Error(`The bench server did not answer in ${timeoutMs} ms.`));
    }, timeoutMs);
    const onMessage = (message: unknown) => {
      if (!wanted(message)) return;
      cleanUp();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`The bench server exited (${code}).`));
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

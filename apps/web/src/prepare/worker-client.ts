import type {
  WorkerAnswer,
  WorkerJob,
  WorkerResponse,
} from './worker-protocol.ts';

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, (answer: WorkerAnswer) => void>();

/**
 * Hands a job to the photo worker and resolves with its answer; it never
 * rejects. One worker serves the whole page: it is started by the first
 * job, and again after it dies (a photo too large for its memory, say),
 * when the jobs it held are answered as failed.
 */
export function runInWorker(job: WorkerJob): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    lastId += 1;
    const id = lastId;
    try {
      waiting.set(id, resolve);
      photoWorker().postMessage({ id, job });
    } catch (error) {
      waiting.delete(id);
      resolve({ kind: 'failed', reason: String(error) });
    }
  });
}

function photoWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./photo-worker.ts', import.meta.url), {
    type: 'module',
    name: 'photo-worker',
  });
  started.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const { id, answer } = event.data;
    waiting.get(id)?.(answer);
    waiting.delete(id);
  });
  started.addEventListener('error', (event) => {
    started.terminate();
    worker = undefined;
    for (const resolve of waiting.values()) {
      resolve({ kind: 'failed', reason: event.message || 'the worker died' });
    }
    waiting.clear();
  });
  worker = started;

  return started;
}

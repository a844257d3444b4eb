import { convertHeic } from './convert-heic.ts';
import { makeThumbHash } from './make-thumbhash.ts';
import { resizeImage } from './resize-image.ts';
import type {
  WorkerAnswer,
  WorkerJob,
  WorkerRequest,
  WorkerResponse,
} from './worker-protocol.ts';

// The photo worker: decodes, resizes and encodes photos off the page's
// thread. Jobs run one after another, so that several 12-megapixel photos
// chosen at once are not all held decoded at the same time.

let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { id, job } = event.data;
  queue = queue.then(async () => {
    const answer = await run(job).catch(
      (error: unknown): WorkerAnswer => ({
        kind: 'failed',
        reason: String(error),
      }),
    );
    const response: WorkerResponse = { id, answer };
    self.postMessage(response);
  });
});

function run(job: WorkerJob): Promise<WorkerAnswer> {
  switch (job.kind) {
    case 'resize':
      return resizeImage(job.file, job.type, job.size);
    case 'convert-heic':
      return convertHeic(job.file, job.maxEdge);
    case 'placeholder':
      return makeThumbHash(job.file);
  }
}

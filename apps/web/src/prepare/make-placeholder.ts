import { runInWorker } from './worker-client.ts';

/**
 * A ThumbHash of the photo, in base64, to show blurred while the real
 * image loads; undefined when the browser cannot decode the photo. Call
 * it with the prepared file, while that file uploads: it runs in the
 * photo worker.
 */
export async function makePlaceholder(file: File): Promise<string | undefined> {
  const answer = await runInWorker({ kind: 'placeholder', file });

  return answer.kind === 'placeholder' ? answer.hash : undefined;
}

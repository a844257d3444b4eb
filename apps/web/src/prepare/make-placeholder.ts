import { runInWorker } from './worker-client.ts';

/** What making a photo's placeholder found. */
export type Placeholder =
  | { kind: 'made'; hash: string }
  /** The browser cannot decode the photo: no page could show it. */
  | { kind: 'undecodable' }
  /** None could be made here (no worker, no canvas); the photo is fine. */
  | { kind: 'none' };

/**
 * A ThumbHash of the photo, in base64, to show blurred while the real
 * image loads. Call it with the prepared file, while that file uploads:
 * it runs in the photo worker, and it is where a photo sent untouched is
 * first decoded.
 */
export async function makePlaceholder(file: File): Promise<Placeholder> {
  const answer = await runInWorker({ kind: 'placeholder', file });
  if (answer.kind === 'placeholder') return { kind: 'made', hash: answer.hash };

  return answer.kind === 'undecodable' ? answer : { kind: 'none' };
}

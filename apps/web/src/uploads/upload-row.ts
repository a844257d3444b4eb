/**
 * Where one chosen file is: waiting for its signed URL, sending, being
 * checked by the server, added as a photo, or refused.
 */
export type UploadPhase =
  | 'waiting'
  | 'sending'
  | 'checking'
  | 'done'
  | 'failed';

/** What the page shows for one chosen file. */
export interface UploadRow {
  /** Tells rows apart when two files share a name or a batch is redone. */
  key: string;
  name: string;
  byteSize: number;
  sentBytes: number;
  phase: UploadPhase;
  /** Why the file did not become a photo, in plain words. */
  problem?: string;
}

/** The three states a progress bar exposes to tests and styles. */
export type ProgressState = 'uploading' | 'done' | 'failed';

export function progressStateOf(phase: UploadPhase): ProgressState {
  if (phase === 'done' || phase === 'failed') return phase;

  return 'uploading';
}

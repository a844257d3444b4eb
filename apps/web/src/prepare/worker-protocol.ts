import type { Size } from './fit-size.ts';

/** The types the worker can encode a resized photo back into. */
export type ResizableType = 'image/jpeg' | 'image/png' | 'image/webp';

/** What the page asks of the photo worker. */
export type WorkerJob =
  /**
   * Decode, turn upright, resize to `size` (or keep the size) and encode
   * again: what is encoded anew carries no metadata.
   */
  | { kind: 'resize'; file: Blob; type: ResizableType; size?: Size }
  /** Decode a HEIC photo and encode it as a JPEG within `maxEdge`. */
  | { kind: 'convert-heic'; file: Blob; maxEdge: number }
  /** A ThumbHash of the picture, for a blurred stand-in. */
  | { kind: 'placeholder'; file: Blob };

/** What the worker answers; Blobs cross to the page without a copy. */
export type WorkerAnswer =
  | { kind: 'image'; file: Blob; width: number; height: number }
  | { kind: 'placeholder'; hash: string }
  /** The browser cannot decode the picture, so it cannot show it either. */
  | { kind: 'undecodable' }
  | { kind: 'failed'; reason: string };

export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}

export interface WorkerResponse {
  id: number;
  answer: WorkerAnswer;
}

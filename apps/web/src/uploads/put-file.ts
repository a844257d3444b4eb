import type { UploadTicket } from '@vitrine/api';

export type PutResult = { ok: true } | { ok: false; problem: string };

const refused: PutResult = {
  ok: false,
  problem: 'The upload was refused by storage; try again.',
};

/**
 * Sends one file's bytes straight to the store at its signed URL.
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 * Resolves whatever happens; a refusal carries the words to show.
 */
export function putFile(
  file: File,
  ticket: UploadTicket,
  onProgress: (sentBytes: number) => void,
): Promise<PutResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(ticket.method, ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) {
      // The browser sets Content-Length from the body and refuses to let
      // script set it; the store still checks it against the signature.
      if (name.toLowerCase() === 'content-length') continue;
      request.setRequestHeader(name, value);
    }

    request.upload.addEventListener('progress', (event) => {
      onProgress(event.loaded);
    });
    request.addEventListener('load', () => {
      const stored = request.status >= 200 && request.status < 300;
      resolve(stored ? { ok: true } : refused);
    });
    // A signature or CORS refusal and a dropped connection look the same
    // from script: an error event with status 0.
    for (const failure of ['error', 'abort', 'timeout'] as const) {
      request.addEventListener(failure, () => resolve(refused));
    }

    request.send(file);
  });
}

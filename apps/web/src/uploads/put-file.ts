import type { UploadTicket } from '@vitrine/api';
import type { PutResult } from './upload-ports.ts';

/**
 * How long a PUT may go without sending a byte or hearing an answer
 * before it counts as a dropped connection. A network that changes under
 * it (Wi-Fi to mobile, say) often leaves it hanging with no error at all.
 */
const stallMs = 60_000;

/**
 * Sends one file's bytes straight to the store at its signed URL.
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 * Resolves whatever happens, with what the browser could see of it.
 */
export function putFile(
  file: File,
  ticket: UploadTicket,
  onProgress: (sentBytes: number) => void,
  signal: AbortSignal,
): Promise<PutResult> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve({ kind: 'aborted' });
      return;
    }
    const request = new XMLHttpRequest();
    request.open(ticket.method, ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) {
      // The browser sets Content-Length from the body and refuses to let
      // script set it; the store still checks it against the signature.
      if (name.toLowerCase() === 'content-length') continue;
      request.setRequestHeader(name, value);
    }

    const stop = () => request.abort();
    signal.addEventListener('abort', stop, { once: true });
    let stall: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        // Resolved first, so the abort that follows is not taken for the
        // person's own.
        finish({ kind: 'network' });
        request.abort();
      }, stallMs);
    };
    const finish = (result: PutResult) => {
      clearTimeout(stall);
      signal.removeEventListener('abort', stop);
      resolve(result);
    };

    request.upload.addEventListener('progress', (event) => {
      watch();
      onProgress(event.loaded);
    });
    request.addEventListener('load', () => finish(resultOf(request.status)));
    // A dropped connection, and a store refusal that carries no CORS
    // headers, look the same from script: an error event with status 0.
    request.addEventListener('error', () => finish({ kind: 'network' }));
    request.addEventListener('timeout', () => finish({ kind: 'network' }));
    request.addEventListener('abort', () => finish({ kind: 'aborted' }));

    request.send(file);
    watch();
  });
}

function resultOf(status: number): PutResult {
  if (status >= 200 && status < 300) return { kind: 'stored' };
  if (status >= 500) return { kind: 'store-error', status };
  if (status === 0) return { kind: 'network' };

  return { kind: 'refused', status };
}

import autocannon from 'autocannon';
import { sessionHeaders } from './session.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  /** The load stops at whichever comes first. */
  maxSeconds: number;
  maxRequests: number;
  /** A JSON body for each request, in order. */
  nextBody: () => string;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Sends POSTs on loopback with autocannon, bounded in count and in time.
 * Throws on any answer that is not a 2xx, since the work measured would
 * then not be the work meant.
 */
export function loadTest(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sessionHeaders() },
        connections: options.connections,
        amount: options.maxRequests,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: options.nextBody(),
            }),
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) return reject(error);
        const failed = result.non2xx + result.errors + result.timeouts;
        if (failed > 0) {
          return reject(
            new Error(
              `${options.url}: ${result.non2xx} answers other than 2xx, ` +
                `${result.errors} errors, ${result.timeouts} time-outs.`,
            ),
          );
        }
        const requests = result['2xx'];
        // autocannon ends on its next one-second tick; the work ended with
        // the last answer.
        const seconds = (lastAnswerMs - startedMs) / 1000;

        resolve({
          requests,
          requestsPerSecond: requests / seconds,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
        });
      },
    );
    const startedMs = performance.now();
    let lastAnswerMs = startedMs;
    instance.on('response', () => {
      lastAnswerMs = performance.now();
    });
    const timer = setTimeout(() => instance.stop(), options.maxSeconds * 1000);
  });
}

import type { Page } from 'playwright-core';
import type { Ticket } from './upload-client.ts';

/** Any single upload taking longer than this is a failure, not a figure. */
export const flowTimeoutMs = 60_000;

/**
 * Where the whole flow's time went, in milliseconds, from the page's own
 * resource timings: choosing the files to the ask (preparing: reading,
 * cleaning and hashing), the ask, the ask's answer to the first PUT, the
 * PUTs (first start to last end), the last PUT to the confirm (waiting for
 * placeholders), the confirm, and its answer to all five shown done.
 */
export interface FlowPhases {
  prepare: number;
  ask: number;
  toFirstPut: number;
  puts: number;
  toConfirm: number;
  confirm: number;
  show: number;
}

export interface FlowTiming {
  ms: number;
  phases: FlowPhases;
}

/** Chooses the files in the page's picker; times until all five are done. */
export async function timeFlow(
  page: Page,
  paths: string[],
  storeUrl: string,
): Promise<FlowTiming> {
  await page.evaluate(() => {
    const state = window as unknown as { benchStart?: number };
    state.benchStart = undefined;
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000);
    document.addEventListener(
      'change',
      () => {
        state.benchStart ??= performance.now();
      },
      { capture: true, once: true },
    );
  });
  await page.getByLabel('Choose photos').setInputFiles(paths);

  return page.evaluate(
    ({ count, timeoutMs, storeOrigin }) =>
      new Promise<FlowTiming>((resolve, reject) => {
        const phasesUntil = (doneAt: number, start: number): FlowPhases => {
          const entries = performance.getEntriesByType(
            'resource',
          ) as PerformanceResourceTiming[];
          const named = (part: string) =>
            entries.find((entry) => entry.name.includes(part));
          const asked = named('uploads.create');
          const confirmed = named('uploads.complete');
          // The gallery's images come from the store too, but not by XHR.
          const puts = entries.filter(
            (entry) =>
              entry.name.startsWith(storeOrigin) &&
              entry.initiatorType === 'xmlhttprequest',
          );
          const firstPut = Math.min(...puts.map((entry) => entry.startTime));
          const lastPut = Math.max(...puts.map((entry) => entry.responseEnd));
          const askStart = asked?.startTime ?? Number.NaN;
          const askEnd = asked?.responseEnd ?? Number.NaN;
          const confirmStart = confirmed?.startTime ?? Number.NaN;
          const confirmEnd = confirmed?.responseEnd ?? Number.NaN;
          return {
            prepare: askStart - start,
            ask: askEnd - askStart,
            toFirstPut: firstPut - askEnd,
            puts: lastPut - firstPut,
            toConfirm: confirmStart - lastPut,
            confirm: confirmEnd - confirmStart,
            show: doneAt - confirmEnd,
          };
        };
        const check = () => {
          const states = [
            ...document.querySelectorAll('progress[data-state]'),
          ].map((bar) => bar.getAttribute('data-state'));
          if (states.includes('failed')) reject(new Error('an upload failed'));
          if (states.length !== count || states.some((s) => s !== 'done'))
            return;
          observer.disconnect();
          const doneAt = performance.now();
          const start =
            (window as unknown as { benchStart?: number }).benchStart ?? 0;
          resolve({ ms: doneAt - start, phases: phasesUntil(doneAt, start) });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
        });
        setTimeout(
          () => reject(new Error('the uploads did not finish')),
          timeoutMs,
        );
        check();
      }),
    {
      count: paths.length,
      timeoutMs: flowTimeoutMs,
      storeOrigin: new URL(storeUrl).origin,
    },
  );
}

/** The same files PUT straight to signed URLs with XHR, all at once. */
export async function timeBarePuts(
  page: Page,
  paths: string[],
  tickets: Ticket[],
): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'bench-files';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-files').setInputFiles(paths);

  return page.evaluate(async (tickets) => {
    const input = document.querySelector<HTMLInputElement>('#bench-files');
    const files = [...(input?.files ?? [])];
    const put = (file: File, ticket: (typeof tickets)[number]) =>
      new Promise<void>((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('PUT', ticket.url);
        for (const [name, value] of Object.entries(ticket.headers)) {
          // The browser sets it from the body and refuses it from script.
          if (name.toLowerCase() === 'content-length') continue;
          request.setRequestHeader(name, value);
        }
        request.upload.addEventListener('progress', () => {});
        request.addEventListener('load', () =>
          request.status < 300
            ? resolve()
            : reject(new Error(`PUT ${request.status}`)),
        );
        request.addEventListener('error', () =>
          reject(new Error('PUT failed')),
        );
        request.send(file);
      });
    const start = performance.now();
    await Promise.all(
      files.map((file, index) =>
        put(file, tickets[index] as (typeof tickets)[number]),
      ),
    );

    return performance.now() - start;
  }, tickets);
}

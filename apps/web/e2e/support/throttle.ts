import type { BrowserContext, Page } from 'playwright-core';

/**
 * Slows the page's uploads to `bytesPerSecond` through Chromium's network
 * emulation, so that progress and cancelling can be seen on loopback,
 * where a photo otherwise arrives in a millisecond. `latencyMs` is added
 * to every request's round trip. All the page's requests share the
 * throughput. Returns the undo.
 */
export async function throttleUploads(
  context: BrowserContext,
  page: Page,
  bytesPerSecond: number,
  latencyMs = 0,
): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const emulate = (uploadThroughput: number, latency: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await emulate(bytesPerSecond, latencyMs);

  return async () => {
    await emulate(-1, 0);
    await cdp.detach();
  };
}

import type { BrowserContext, Page } from 'playwright-core';

/**
 * Slows the page's uploads to `bytesPerSecond` through Chromium's network
 * emulation, so that progress and cancelling can be seen on loopback,
 * where a photo otherwise arrives in a millisecond. Returns the undo.
 */
export async function throttleUploads(
  context: BrowserContext,
  page: Page,
  bytesPerSecond: number,
): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const emulate = (uploadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await emulate(bytesPerSecond);

  return async () => {
    await emulate(-1);
    await cdp.detach();
  };
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startEmbeddedS3OnItsPort } from './embedded-port.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-port-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const portOf = (endpoint: string) => Number(new URL(endpoint).port);

// Found by a tester: after a restart the store had a new port, and pages
// left open could upload nothing, their CSP naming the old one.
it('starts the embedded store again on the port it had', async () => {
  const objects = join(dir, 's3');
  const first = await startEmbeddedS3OnItsPort(objects);
  const port = portOf(first.endpoint);
  await first.stop();

  const again = await startEmbeddedS3OnItsPort(objects);
  await again.stop();

  expect(portOf(again.endpoint)).toBe(port);
  expect(readFileSync(`${objects}.port`, 'utf8')).toBe(`${port}\n`);
});

it('takes a free port when its own is taken, and keeps that one', async () => {
  const objects = join(dir, 's3');
  const squatter = createServer();
  await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
  const taken = (squatter.address() as { port: number }).port;
  writeFileSync(`${objects}.port`, `${taken}\n`);

  try {
    const store = await startEmbeddedS3OnItsPort(objects);
    await store.stop();

    expect(portOf(store.endpoint)).not.toBe(taken);
    expect(readFileSync(`${objects}.port`, 'utf8')).toBe(
      `${portOf(store.endpoint)}\n`,
    );
  } finally {
    squatter.close();
  }
});

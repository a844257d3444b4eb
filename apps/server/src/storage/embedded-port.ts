import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { type EmbeddedS3, startEmbeddedS3 } from './embedded-s3.ts';

/**
 * Starts the embedded store on the port it had last time, kept in a file
 * beside its directory, or on a free one when that port is taken. Pages
 * left open across a restart then still reach it: their Content Security
 * Policy and the photos' addresses name its port.
 */
export async function startEmbeddedS3OnItsPort(
  directory: string,
): Promise<EmbeddedS3> {
  const portFile = `${directory}.port`;
  const last = readPort(portFile);
  // s3rver does not say when its port is taken: it is tried first.
  const port = last > 0 && (await isFree(last)) ? last : 0;
  const store = await startEmbeddedS3(directory, port);
  writeFileSync(portFile, `${new URL(store.endpoint).port}\n`);

  return store;
}

function readPort(file: string): number {
  try {
    const port = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(port) && port > 0 && port < 65536 ? port : 0;
  } catch {
    return 0;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const probe = createServer();
    probe.once('error', () => answer(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => answer(true)));
  });
}

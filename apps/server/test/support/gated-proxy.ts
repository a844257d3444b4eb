import { connect, createServer, type Socket } from 'node:net';

export interface GatedProxy {
  port: number;
  /** Resolves when the next request reaches the proxy while held. */
  held(): Promise<void>;
  /** Holds answers back: requests pass, responses wait. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy to a port on loopback that can hold the upstream's answers,
 * so that a test can keep a request in flight for as long as it needs.
 */
export async function startGatedProxy(target: number): Promise<GatedProxy> {
  let holding = false;
  const waiting: (() => void)[] = [];
  let onRequest: (() => void) | undefined;
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      if (holding) onRequest?.();
    });
    upstream.on('data', (chunk) => {
      if (holding) waiting.push(() => client.write(chunk));
      else client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve()),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    held: () => new Promise((resolve) => (onRequest = resolve)),
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const send of waiting.splice(0)) send();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

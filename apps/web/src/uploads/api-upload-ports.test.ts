import { createServer, type Server } from 'node:http';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@vitrine/api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiUploadPorts } from './api-upload-ports.ts';

// A server that takes the request and never answers, as a frozen one.
let silent: Server;
let url: string;
beforeAll(async () => {
  silent = createServer(() => undefined);
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

// Found by a tester: with the server frozen, the rows said "Checking the
// photo…" for as long as it stayed so, and nothing was tried again.
it('gives a confirm up after its time limit, to be sent again', async () => {
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc` })],
  });
  const ports = apiUploadPorts(client, 1, () => undefined, {
    confirmTimeout: 200,
  });

  const result = await ports.complete(['u-1'], {});

  expect(result).toEqual({
    kind: 'unreachable',
    message: 'The server did not answer in time.',
    retryable: true,
  });
});

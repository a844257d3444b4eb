import type { FastifyInstance } from 'fastify';

/** The server could not start for a reason a person can fix. */
export class StartError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'StartError';
  }
}

/**
 * Listens on the configured address and returns the port, or explains in
 * a sentence why it cannot: a taken port, an address not on this machine.
 */
export async function listen(
  fastify: FastifyInstance,
  host: string,
  port: number,
): Promise<number> {
  try {
    await fastify.listen({ host, port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      throw new StartError(
        `Port ${port} on ${host} is already in use: stop what runs there, ` +
          'or set PORT to another port (0 picks a free one).',
        error,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new StartError(
        `HOST=${host} is not an address of this machine: use 127.0.0.1, ` +
          '0.0.0.0 or one of its own addresses.',
        error,
      );
    }
    if (code === 'EACCES') {
      throw new StartError(
        `Port ${port} needs more privileges: use a port above 1023.`,
        error,
      );
    }
    throw error;
  }

  const address = fastify.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The server is not listening on a TCP port.');
  }
  return address.port;
}

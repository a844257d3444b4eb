import { mkdirSync } from 'node:fs';
import S3rver from '@20minutes/s3rver';
import { checkChecksum } from './s3rver-check-checksum.ts';
import { requireSignature } from './s3rver-require-signature.ts';

/** s3rver's built-in account; it accepts no other keys. */
const embeddedKeys = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface EmbeddedS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/**
 * Starts an S3-compatible server in this process, on loopback, keeping its
 * objects under `directory`. It checks SigV4 signatures, signed headers,
 * expiry and SHA-256 checksums like R2 does, so uploads are tested for real without a cloud
 * account. `port` 0 picks a free port.
 */
export async function startEmbeddedS3(
  directory: string,
  port = 0,
): Promise<EmbeddedS3> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
  });
  // First in the stack, before s3rver's own routes.
  server.middleware.unshift(requireSignature, checkChecksum);
  const address = await server.run();

  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    ...embeddedKeys,
    async stop() {
      const closing = server.close();
      // A browser's keep-alive connection would hold the close open.
      server.httpServer?.closeAllConnections();
      await closing;
    },
  };
}

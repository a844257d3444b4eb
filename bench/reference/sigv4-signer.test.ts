import { expect, it } from 'vitest';
import { createS3Client } from '../../apps/server/src/storage/s3-client.ts';
import { createS3Store } from '../../apps/server/src/storage/s3-store.ts';
import { checkSameSignatures } from '../lib/same-signatures.ts';
import { createReferenceSigner } from './sigv4-signer.ts';

// The benchmark compares the product's signing with this reference; the
// comparison only holds while both make the same signature.

const options = {
  endpoint: 'https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com',
  region: 'auto',
  accessKeyId: 'BENCHKEY',
  secretAccessKey: 'bench-secret',
  bucket: 'vitrine',
};

it('signs exactly as the product does', async () => {
  const client = createS3Client(options);
  const store = createS3Store({
    client,
    bucket: 'vitrine',
    publicBaseUrl: undefined,
  });

  const matched = await checkSameSignatures(
    createReferenceSigner(options),
    async (put) => (await store.signPut(put)).url,
  );

  expect(matched).toBeGreaterThan(0);
  client.destroy();
});

it('would notice a different signature', async () => {
  const reference = createReferenceSigner(options);
  const other = createReferenceSigner({ ...options, secretAccessKey: 'x' });

  await expect(
    checkSameSignatures(reference, async (put) => other(put)),
  ).rejects.toThrow(/disagree/);
});

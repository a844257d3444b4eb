import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createS3Client } from '../../apps/server/src/storage/s3-client.ts';
import { createS3Store } from '../../apps/server/src/storage/s3-store.ts';
import { interleave } from '../lib/rounds.ts';
import { checkSameSignatures } from '../lib/same-signatures.ts';
import { ratios, type Spread, spread } from '../lib/stats.ts';
import { createGetSignedUrlPut } from '../reference/get-signed-url-put.ts';
import {
  createReferenceSigner,
  type ReferencePut,
} from '../reference/sigv4-signer.ts';

const store = {
  endpoint: 'http://127.0.0.1:9000',
  region: 'auto',
  accessKeyId: 'BENCHKEY',
  secretAccessKey: 'bench-secret',
  bucket: 'vitrine',
};
const variants = ['floor', 'reference', 'product', 'before'] as const;
type Variant = (typeof variants)[number];

/**
 * Many short batches: each round's ratio pairs batches run moments apart,
 * so that a neighbour's load falls on both sides of it.
 */
const batchMs = 10;
const rounds = 40;

export interface SignResult {
  /** CPU microseconds per signed URL, per variant. */
  microsPerUrl: Record<Variant, Spread>;
  /** Each round's product ÷ reference (target 1), and before ÷ reference. */
  productToReference: Spread;
  beforeToReference: Spread;
  /** How many inputs gave the same URL from the reference and the product. */
  sameSignatures: number;
}

/**
 * Target 1: one signed PUT URL from the product's store adapter against a
 * hand-written SigV4 signer, after checking both sign alike.
 */
export async function benchSigning(): Promise<SignResult> {
  const client = createS3Client(store);
  const product = createS3Store({
    client,
    bucket: store.bucket,
    publicBaseUrl: undefined,
  });
  const reference = createReferenceSigner(store);
  const before = createGetSignedUrlPut(client, store.bucket);
  const sameSignatures = await checkSameSignatures(
    reference,
    async (put) => (await product.signPut(put)).url,
  );

  const puts = Array.from({ length: 1024 }, (_, index) => aPut(index));
  const floor = floorWork(reference(puts[0] as ReferencePut));
  const one: Record<Variant, (put: ReferencePut) => unknown> = {
    floor,
    reference,
    product: (put) => product.signPut(put),
    before,
  };
  const iterations = await calibrate(one, puts);
  const timed = await interleave(variants, rounds, (name) =>
    timeBatch(one[name], puts, iterations[name]),
  );
  client.destroy();

  return {
    microsPerUrl: Object.fromEntries(
      variants.map((name) => [name, spread(timed[name])]),
    ) as Record<Variant, Spread>,
    productToReference: spread(ratios(timed.product, timed.reference)),
    beforeToReference: spread(ratios(timed.before, timed.reference)),
    sameSignatures,
  };
}

function aPut(index: number): ReferencePut {
  return {
    key: `products/${1 + (index % 97)}/${randomBytes(16).toString('base64url')}.jpg`,
    contentType: 'image/jpeg',
    byteSize: 100_000 + index,
    signedAt: new Date(),
    expiresInSeconds: 600,
  };
}

/**
 * The HMAC and SHA-256 work of one query signature and nothing else: the
 * floor no signer goes under.
 */
function floorWork(sampleUrl: string): (put: ReferencePut) => string {
  const canonical = `PUT\n${new URL(sampleUrl).pathname}\n${'x'.repeat(300)}`;
  const key = createHmac('sha256', 'day').update('key').digest();

  return () => {
    const hashed = createHash('sha256').update(canonical).digest('hex');
    return createHmac('sha256', key).update(hashed).digest('hex');
  };
}

async function calibrate(
  one: Record<Variant, (put: ReferencePut) => unknown>,
  puts: ReferencePut[],
): Promise<Record<Variant, number>> {
  const counts = {} as Record<Variant, number>;
  for (const name of variants) {
    // Warm up and time a first guess, then size the batch from it.
    const micros = await timeBatch(one[name], puts, 200);
    counts[name] = Math.max(50, Math.round((batchMs * 1000) / micros));
  }

  return counts;
}

/**
 * CPU microseconds per call over `count` calls, each awaited. CPU time
 * rather than the wall clock: on a shared machine a batch may wait for a
 * core, and waiting is not signing.
 */
async function timeBatch(
  fn: (put: ReferencePut) => unknown,
  puts: ReferencePut[],
  count: number,
): Promise<number> {
  const started = process.cpuUsage();
  for (let index = 0; index < count; index += 1) {
    await fn(puts[index & 1023] as ReferencePut);
  }
  const used = process.cpuUsage(started);

  return (used.user + used.system) / count;
}

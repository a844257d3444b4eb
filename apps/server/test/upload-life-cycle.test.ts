import { TRPCClientError } from '@trpc/client';
import { sweep, type UploadTicket } from '@vitrine/api';
import { confirmGraceSeconds, uploadUrlTtlSeconds } from '@vitrine/api/rules';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore } from './support/upload.ts';

// Ask, put, confirm, cancel, delete, expire and sweep in any order: at no
// step is there an image row without its object, or an object nobody
// tracks; once everything has expired and been swept, the bucket holds
// exactly the images' objects.

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

const photo = fixtureBytes('accept/jpeg-baseline.jpg');
/** Same length as the photo, so the signed length fits; not an image. */
const junk = Buffer.alloc(photo.length, 0x41);
const expirySeconds = uploadUrlTtlSeconds + confirmGraceSeconds + 1;
/** What the runs did, to be sure they reached the interesting paths. */
const seen = { puts: 0, images: 0, expiredSweeps: 0 };

type Step =
  | { kind: 'ask'; files: number }
  | { kind: 'put'; ticket: number; good: boolean }
  | { kind: 'confirm'; ticket: number }
  | { kind: 'cancel'; ticket: number }
  | { kind: 'delete-image' }
  | { kind: 'expire' }
  | { kind: 'sweep' };

// Weighted so that most runs ask, put and confirm something in between.
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('ask'),
      files: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('put'),
      ticket: fc.nat(),
      good: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('confirm'), ticket: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cancel'), ticket: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete-image' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'sweep' as const }) },
) as fc.Arbitrary<Step>;

it('never leaves an orphan object or an image without its object', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 3, maxLength: 14, size: 'max' }),
      async (steps) => {
        const product = await test.api.products.create.mutate({ name: 'Run' });
        const tickets: UploadTicket[] = [];
        const stored: UploadTicket[] = [];
        for (const next of steps) {
          await run(next, product.id, tickets, stored);
          await expectEveryObjectAccountedFor();
        }

        // Everything expires and is swept: only the images' objects stay.
        advanceClock(expirySeconds * 2);
        seen.expiredSweeps += (await sweep(test.app.context)).uploads;
        const images = await imageKeys();
        expect((await test.listKeys()).sort()).toEqual(images.sort());
        expect(await test.countRows('upload')).toBe(0);
        expect(await test.countRows('object_deletion')).toBe(0);
      },
    ),
    { numRuns: 60 },
  );

  expect(seen.puts).toBeGreaterThan(0);
  expect(seen.images).toBeGreaterThan(0);
  expect(seen.expiredSweeps).toBeGreaterThan(0);
}, 180_000);

async function run(
  next: Step,
  productId: number,
  tickets: UploadTicket[],
  stored: UploadTicket[],
) {
  const pick = (index: number) => tickets[index % Math.max(1, tickets.length)];
  switch (next.kind) {
    case 'ask': {
      const files = Array.from({ length: next.files }, (_, i) => ({
        name: `p${i}.jpg`,
        type: 'image/jpeg',
        size: photo.length,
      }));
      const made = await refusedOr(
        test.api.uploads.create.mutate({ productId, files }),
      );
      if (made) tickets.push(...made);
      return;
    }
    case 'put': {
      const ticket = pick(next.ticket);
      // The store refuses a URL past its expiry. s3rver checks that against
      // real time, which this test's clock runs ahead of, so the refusal
      // of a store whose clock agrees with the server's is taken here.
      if (!ticket || Date.parse(ticket.expiresAt) <= test.clock.now.getTime()) {
        return;
      }
      if ((await putToStore(ticket, next.good ? photo : junk)) === 200) {
        seen.puts += 1;
        stored.push(ticket);
      }
      return;
    }
    case 'confirm':
    case 'cancel': {
      // Mostly an upload that was put, so that confirms often succeed.
      const ticket =
        next.kind === 'confirm' && stored.length > 0
          ? stored[next.ticket % stored.length]
          : pick(next.ticket);
      if (!ticket) return;
      const input = { productId, uploadIds: [ticket.uploadId] };
      if (next.kind === 'cancel') {
        await refusedOr(test.api.uploads.cancel.mutate(input));
        return;
      }
      const done = await refusedOr(test.api.uploads.complete.mutate(input));
      seen.images += done?.images.length ?? 0;
      return;
    }
    case 'delete-image': {
      const image = await test.app.db
        .selectFrom('image')
        .select('id')
        .where('product_id', '=', productId)
        .executeTakeFirst();
      if (image) await test.api.images.delete.mutate({ id: image.id });
      return;
    }
    case 'expire':
      advanceClock(expirySeconds);
      return;
    case 'sweep': {
      const swept = await sweep(test.app.context);
      seen.expiredSweeps += swept.uploads;
      return;
    }
  }
}

/** The answer, or undefined for a refusal; a 5xx fails the property. */
async function refusedOr<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    expect(error.data?.httpStatus).toBeLessThan(500);
    return undefined;
  }
}

function advanceClock(seconds: number): void {
  test.clock.now = new Date(test.clock.now.getTime() + seconds * 1000);
}

async function imageKeys(): Promise<string[]> {
  const rows = await test.app.db
    .selectFrom('image')
    .select('object_key')
    .execute();
  return rows.map((row) => row.object_key);
}

async function expectEveryObjectAccountedFor(): Promise<void> {
  const keys = new Set(await test.listKeys());
  const images = await imageKeys();
  const uploads = await test.app.db
    .selectFrom('upload')
    .select('object_key')
    .execute();
  const queued = await test.app.db
    .selectFrom('object_deletion')
    .select('object_key')
    .execute();
  const tracked = new Set([
    ...images,
    ...uploads.map((row) => row.object_key),
    ...queued.map((row) => row.object_key),
  ]);

  for (const key of images)
    expect(keys.has(key), `${key} has no object`).toBe(true);
  for (const key of keys)
    expect(tracked.has(key), `${key} is an orphan`).toBe(true);
}

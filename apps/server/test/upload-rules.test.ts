import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { refusal } from './support/refusal.ts';
import { refusedConfirm } from './support/refused-confirm.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore, uploadFiles } from './support/upload.ts';

const photo = fixtureBytes('accept/photo-landscape-exif1.jpg');
const photoFile = (name: string) => ({
  name,
  type: 'image/jpeg',
  bytes: photo,
});
const declared = (name: string, size = photo.length, type = 'image/jpeg') => ({
  name,
  type,
  size,
});

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp({ MAX_UPLOAD_BYTES: String(1024 * 1024) });
});
afterAll(() => test?.close());

async function newProduct(name = 'Rules') {
  return test.api.products.create.mutate({ name });
}

describe('products', () => {
  it('trims the name and lists newest first with a cursor', async () => {
    const first = await newProduct('  Teapot  ');
    const second = await newProduct('Cup');
    expect(first.name).toBe('Teapot');

    const page = await test.api.products.list.query({ limit: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(page.nextCursor).toBe(second.id);
    const next = await test.api.products.list.query({
      limit: 1,
      cursor: page.nextCursor ?? undefined,
    });
    expect(next.items.map((item) => item.id)).toEqual([first.id]);
  });

  it.each([
    ['an empty name', '   ', 'name: must not be empty'],
    ['a long name', 'x'.repeat(201), 'name: must be at most 200 characters'],
  ])('refuses %s', async (_, name, message) => {
    const error = await refusal(test.api.products.create.mutate({ name }));
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toContain(message);
  });

  it('answers 404 for a product that does not exist', async () => {
    const error = await refusal(test.api.products.get.query({ id: 999_999 }));
    expect(error.data?.code).toBe('NOT_FOUND');
    expect(error.message).toBe('There is no product with id 999999.');
  });
});

describe('asking to upload', () => {
  it('tells the browser the limits this server was given', async () => {
    expect(await test.api.uploads.limits.query()).toEqual({
      maxUploadBytes: 1024 * 1024,
      maxImagesPerProduct: 5,
      maxImageEdge: 2560,
      removeMetadata: true,
    });
  });

  it('reads image/jpg as image/jpeg and keys by the server', async () => {
    const product = await newProduct();
    const [ticket] = await test.api.uploads.create.mutate({
      productId: product.id,
      files: [declared('../../etc/passwd.jpg', photo.length, 'image/jpg')],
    });

    expect(ticket?.key).toMatch(
      new RegExp(`^products/${product.id}/[A-Za-z0-9_-]{22}\\.jpg$`),
    );
    expect(ticket?.headers).toEqual({ 'Content-Type': 'image/jpeg' });
    const expiresInMs = Date.parse(ticket?.expiresAt ?? '') - Date.now();
    expect(expiresInMs).toBeGreaterThan(9 * 60 * 1000);
    expect(expiresInMs).toBeLessThanOrEqual(10 * 60 * 1000);
  });

  it.each([
    ['no file', [], 'choose at least one file'],
    [
      'six files',
      [1, 2, 3, 4, 5, 6].map((n) => declared(`${n}.jpg`)),
      'at most 5',
    ],
  ])('refuses %s', async (_, files, message) => {
    const product = await newProduct();
    const error = await refusal(
      test.api.uploads.create.mutate({ productId: product.id, files }),
    );
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toContain(message);
    expect(await uploadsOf(product.id)).toBe(0);
  });

  it('names every refused file and signs nothing', async () => {
    const product = await newProduct();
    const error = await refusal(
      test.api.uploads.create.mutate({
        productId: product.id,
        files: [
          declared('fine.jpg'),
          declared('empty.jpg', 0),
          declared('huge.jpg', 1024 * 1024 + 1),
          declared('vector.svg', 10, 'image/svg+xml'),
        ],
      }),
    );

    expect(error.data?.files).toEqual([
      { name: 'empty.jpg', code: 'EMPTY_FILE', message: 'the file is empty.' },
      {
        name: 'huge.jpg',
        code: 'FILE_TOO_LARGE',
        message:
          'the file is 1048577 bytes; the limit is 1048576 bytes (1 MB).',
      },
      expect.objectContaining({ name: 'vector.svg', code: 'TYPE_NOT_ALLOWED' }),
    ]);
    expect(error.message).toContain('vector.svg: image/svg+xml is not allowed');
    expect(await uploadsOf(product.id)).toBe(0);
  });

  it('names the field of a malformed file, in words', async () => {
    const error = await refusal(
      test.api.uploads.create.mutate({
        productId: 1,
        files: [declared('a.jpg'), declared('b.jpg', -5)],
      }),
    );
    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toBe('files[1].size: must not be negative');
    expect(error.data?.stack).toBeUndefined();
  });

  it('refuses a product that does not exist', async () => {
    const error = await refusal(
      test.api.uploads.create.mutate({
        productId: 424_242,
        files: [declared('a.jpg')],
      }),
    );
    expect(error.data?.code).toBe('NOT_FOUND');
  });

  it('counts images and pending uploads against the cap of 5', async () => {
    const product = await newProduct();
    await uploadFiles(test, product.id, [
      photoFile('1.jpg'),
      photoFile('2.jpg'),
    ]);
    await test.api.uploads.create.mutate({
      productId: product.id,
      files: [declared('3.jpg'), declared('4.jpg')],
    });

    const error = await refusal(
      test.api.uploads.create.mutate({
        productId: product.id,
        files: [declared('5.jpg'), declared('6.jpg')],
      }),
    );
    expect(error.data?.code).toBe('CONFLICT');
    expect(error.message).toContain(
      'This one has 2 images and 2 uploads in progress, so 1 more can be ' +
        'added; 2 were chosen. Uploads left unfinished (in another tab, or ' +
        "before the page was reloaded) can be released on the product's " +
        'page, or give their places back by themselves within 11 minutes.',
    );
  });

  it('never passes the cap when two asks race', async () => {
    for (let round = 0; round < 10; round += 1) {
      const product = await newProduct(`Race ${round}`);
      const ask = () =>
        test.api.uploads.create.mutate({
          productId: product.id,
          files: [declared('a.jpg'), declared('b.jpg'), declared('c.jpg')],
        });

      const outcomes = await Promise.allSettled([ask(), ask()]);

      const granted = outcomes.filter((o) => o.status === 'fulfilled');
      expect(granted).toHaveLength(1);
      expect(await uploadsOf(product.id)).toBe(3);
    }
  });
});

describe('confirming uploads', () => {
  it('keeps the chosen order and gives the same images twice', async () => {
    const product = await newProduct();
    const files = ['c.jpg', 'a.jpg', 'b.jpg'].map(photoFile);
    const { tickets, completed } = await uploadFiles(test, product.id, files);
    const again = await test.api.uploads.complete.mutate({
      productId: product.id,
      uploadIds: tickets.map((ticket) => ticket.uploadId),
    });

    expect(completed.images.map((image) => image.originalName)).toEqual([
      'c.jpg',
      'a.jpg',
      'b.jpg',
    ]);
    expect(again).toEqual(completed);
    const stored = await test.api.products.get.query({ id: product.id });
    expect(
      stored.images.map((image) => [image.originalName, image.position]),
    ).toEqual([
      ['c.jpg', 0],
      ['a.jpg', 1],
      ['b.jpg', 2],
    ]);
    expect(await uploadsOf(product.id)).toBe(0);
  });

  it('appends a later batch after the existing images', async () => {
    const product = await newProduct();
    await uploadFiles(test, product.id, [photoFile('first.jpg')]);
    const { completed } = await uploadFiles(test, product.id, [
      photoFile('second.jpg'),
    ]);

    expect(completed.images.map((image) => image.position)).toEqual([1]);
  });

  it('measures a JPEG whose header runs past the first bytes read', async () => {
    // Two 60 KB comment segments push the frame header past the 64 KiB
    // that come with the object's size and type: a second read finds it.
    const comment = new Uint8Array(4 + 60_000).fill(0x20);
    comment.set([0xff, 0xfe, (60_002 >> 8) & 0xff, 60_002 & 0xff]);
    const bytes = new Uint8Array([
      ...photo.subarray(0, 2),
      ...comment,
      ...comment,
      ...photo.subarray(2),
    ]);
    const product = await newProduct();
    const { completed } = await uploadFiles(test, product.id, [
      { name: 'tall-header.jpg', type: 'image/jpeg', bytes },
    ]);
    const plain = await uploadFiles(test, product.id, [photoFile('plain.jpg')]);

    expect(completed.failures).toEqual([]);
    expect(completed.images[0]).toMatchObject({
      byteSize: bytes.length,
      width: plain.completed.images[0]?.width,
      height: plain.completed.images[0]?.height,
    });
  });

  it('reports a file not yet PUT and confirms it once it arrives', async () => {
    const product = await newProduct();
    const [ticket] = await test.api.uploads.create.mutate({
      productId: product.id,
      files: [declared('late.jpg')],
    });
    if (!ticket) throw new Error('no ticket');
    const ids = { productId: product.id, uploadIds: [ticket.uploadId] };

    const early = await refusedConfirm(test, product.id, ids.uploadIds);
    expect(early).toEqual([
      expect.objectContaining({ name: 'late.jpg', code: 'OBJECT_MISSING' }),
    ]);

    expect(await putToStore(ticket, photo)).toBe(200);
    const later = await test.api.uploads.complete.mutate(ids);
    expect(later.failures).toEqual([]);
    expect(later.images.map((image) => image.originalName)).toEqual([
      'late.jpg',
    ]);
  });

  it("refuses unknown ids and another product's uploads", async () => {
    const mine = await newProduct();
    const theirs = await newProduct();
    const [ticket] = await test.api.uploads.create.mutate({
      productId: theirs.id,
      files: [declared('theirs.jpg')],
    });
    if (!ticket) throw new Error('no ticket');
    await putToStore(ticket, photo);

    const failures = await refusedConfirm(test, mine.id, [
      ticket.uploadId,
      'no-such-upload',
    ]);

    expect(failures.map((failure) => failure.code)).toEqual([
      'UPLOAD_UNKNOWN',
      'UPLOAD_UNKNOWN',
    ]);
    expect(failures[0]?.message).toBe(
      `product ${mine.id} has no such upload waiting: it expired, or was ` +
        'released from another tab. Choose the file again.',
    );
    // The other product's upload is untouched and still confirmable.
    const own = await test.api.uploads.complete.mutate({
      productId: theirs.id,
      uploadIds: [ticket.uploadId],
    });
    expect(own.images).toHaveLength(1);
  });

  it('refuses an expired upload and deletes its object', async () => {
    const product = await newProduct();
    const [ticket] = await test.api.uploads.create.mutate({
      productId: product.id,
      files: [declared('slow.jpg')],
    });
    if (!ticket) throw new Error('no ticket');
    await putToStore(ticket, photo);

    test.clock.now = new Date(Date.now() + 12 * 60 * 1000);
    try {
      const failures = await refusedConfirm(test, product.id, [
        ticket.uploadId,
      ]);
      expect(failures).toEqual([
        expect.objectContaining({ name: 'slow.jpg', code: 'UPLOAD_EXPIRED' }),
      ]);
    } finally {
      test.clock.now = new Date();
    }
    expect(await uploadsOf(product.id)).toBe(0);
    expect(await test.listKeys()).not.toContain(ticket.key);
  });
});

async function uploadsOf(productId: number): Promise<number> {
  const rows = await test.app.db
    .selectFrom('upload')
    .select('id')
    .where('product_id', '=', productId)
    .execute();
  return rows.length;
}

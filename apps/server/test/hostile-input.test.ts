import type { UploadTicket } from '@vitrine/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes } from './support/fixtures.ts';
import { rawCall } from './support/raw-call.ts';
import { snapshot } from './support/snapshot.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore, uploadFiles } from './support/upload.ts';

// Every procedure and the upload path against what a hostile or broken
// client could send. Each case must get a 4xx with words a person can act
// on, never a 500, and leave every row and the bucket as they were.

interface World {
  product: number;
  other: number;
  image: number;
  otherImage: number;
  pending: UploadTicket;
}

let test: TestApp;
let world: World;
beforeAll(async () => {
  test = await startTestApp();
  const photo = fixtureBytes('accept/jpeg-baseline.jpg');
  const file = { name: 'a.jpg', type: 'image/jpeg', bytes: photo };
  const product = await test.api.products.create.mutate({ name: 'Mine' });
  const other = await test.api.products.create.mutate({ name: 'Theirs' });
  const mine = await uploadFiles(test, product.id, [file]);
  const theirs = await uploadFiles(test, other.id, [file]);
  const [pending] = await test.api.uploads.create.mutate({
    productId: other.id,
    files: [{ name: 'b.jpg', type: 'image/jpeg', size: photo.length }],
  });
  if (!pending) throw new Error('no ticket');
  await putToStore(pending, photo);
  world = {
    product: product.id,
    other: other.id,
    image: mine.completed.images[0]?.id ?? 0,
    otherImage: theirs.completed.images[0]?.id ?? 0,
    pending,
  };
});
afterAll(() => test?.close());

const megabyteText = 'x'.repeat(1_000_000);
const longName = `${'n'.repeat(296)}.jpg`;
const hugeIds = [2 ** 53, 1e20, Number.MAX_VALUE];
const badIds: unknown[] = [-1, 0, 1.5, 'NaN', null, '1', [], {}, ...hugeIds];
const file = (overrides: Record<string, unknown> = {}) => ({
  name: 'ok.jpg',
  type: 'image/jpeg',
  size: 1000,
  ...overrides,
});
const badNames: unknown[] = [
  '',
  '   ',
  42,
  null,
  megabyteText,
  longName,
  'a\u0000b',
  'bell\u0007',
  '\u202Egpj.exe',
  'left\u2066isolate',
  '\u200B\u200B',
  '\uD800',
];

interface HostileCase {
  what: string;
  path: string;
  kind: 'query' | 'mutation';
  input: (w: World) => unknown;
  rawBody?: string;
  contentType?: string;
  status?: number;
  message?: RegExp;
}

const cases: HostileCase[] = [
  // Products.
  {
    what: 'no input',
    path: 'products.create',
    kind: 'mutation',
    input: () => undefined,
  },
  {
    what: 'a list',
    path: 'products.create',
    kind: 'mutation',
    input: () => [],
  },
  {
    what: 'an extra field',
    path: 'products.create',
    kind: 'mutation',
    input: () => ({ name: 'x', admin: true }),
    message: /Unrecognized key|unrecognized/i,
  },
  ...badNames.map((name) => ({
    what: `name ${JSON.stringify(name).slice(0, 30)}`,
    path: 'products.create',
    kind: 'mutation' as const,
    input: () => ({ name }),
    message: /^name: /,
  })),
  ...badNames.map((name) => ({
    what: `rename to ${JSON.stringify(name).slice(0, 30)}`,
    path: 'products.rename',
    kind: 'mutation' as const,
    input: (w: World) => ({ id: w.product, name }),
    message: /^name: /,
  })),
  ...badIds.map((id) => ({
    what: `get id ${JSON.stringify(id)}`,
    path: 'products.get',
    kind: 'query' as const,
    input: () => ({ id }),
    message: /^id: /,
  })),
  ...badIds.map((id) => ({
    what: `delete id ${JSON.stringify(id)}`,
    path: 'products.delete',
    kind: 'mutation' as const,
    input: () => ({ id }),
    message: /^id: /,
  })),
  {
    what: 'a product that is not there',
    path: 'products.delete',
    kind: 'mutation',
    input: () => ({ id: 99_999 }),
    status: 404,
    message: /no product with id 99999/,
  },
  {
    what: 'limit 0',
    path: 'products.list',
    kind: 'query',
    input: () => ({ limit: 0 }),
    message: /^limit: /,
  },
  {
    what: 'limit 1000',
    path: 'products.list',
    kind: 'query',
    input: () => ({ limit: 1000 }),
    message: /^limit: /,
  },
  {
    what: 'a fractional cursor',
    path: 'products.list',
    kind: 'query',
    input: () => ({ cursor: 1.5 }),
    message: /^cursor: /,
  },
  {
    what: 'a huge search',
    path: 'products.list',
    kind: 'query',
    input: () => ({ search: 's'.repeat(5000) }),
    message: /^search: /,
  },
  {
    what: 'an extra list field',
    path: 'products.list',
    kind: 'query',
    input: () => ({ orderBy: 'name; drop table product' }),
  },

  // Asking to upload.
  {
    what: 'no files',
    path: 'uploads.create',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, files: [] }),
    message: /choose at least one file/,
  },
  {
    what: 'six files',
    path: 'uploads.create',
    kind: 'mutation',
    input: (w) => ({
      productId: w.product,
      files: Array.from({ length: 6 }, () => file()),
    }),
    message: /at most 5 files/,
  },
  {
    what: 'files as text',
    path: 'uploads.create',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, files: 'all' }),
    message: /^files: /,
  },
  ...badNames.map((name) => ({
    what: `file name ${JSON.stringify(name).slice(0, 30)}`,
    path: 'uploads.create',
    kind: 'mutation' as const,
    input: (w: World) => ({ productId: w.product, files: [file({ name })] }),
    message: /^files\[0\]\.name: /,
  })),
  ...[-1, 1.5, 'NaN', null, 2 ** 53, 1e20].map((size) => ({
    what: `size ${JSON.stringify(size)}`,
    path: 'uploads.create',
    kind: 'mutation' as const,
    input: (w: World) => ({ productId: w.product, files: [file({ size })] }),
    message: /^files\[0\]\.size: /,
  })),
  {
    what: 'an empty file',
    path: 'uploads.create',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, files: [file({ size: 0 })] }),
    message: /ok\.jpg: /,
  },
  {
    what: 'a file over the limit',
    path: 'uploads.create',
    kind: 'mutation',
    input: (w) => ({
      productId: w.product,
      files: [file({ size: 10 * 1024 * 1024 + 1 })],
    }),
    message: /ok\.jpg: /,
  },
  ...[
    'image/svg+xml',
    'text/html',
    'application/x-msdownload',
    'application/json',
    't'.repeat(300),
  ].map((type) => ({
    what: `type ${type.slice(0, 30)}`,
    path: 'uploads.create',
    kind: 'mutation' as const,
    input: (w: World) => ({ productId: w.product, files: [file({ type })] }),
    message: /files\[0\]\.type: |ok\.jpg: /,
  })),
  {
    what: 'an extra file field',
    path: 'uploads.create',
    kind: 'mutation',
    input: (w) => ({
      productId: w.product,
      files: [file({ key: '../../etc/passwd' })],
    }),
  },
  ...badIds.map((productId) => ({
    what: `upload to product ${JSON.stringify(productId)}`,
    path: 'uploads.create',
    kind: 'mutation' as const,
    input: () => ({ productId, files: [file()] }),
    message: /^productId: /,
  })),
  {
    what: 'a product that is not there',
    path: 'uploads.create',
    kind: 'mutation',
    input: () => ({ productId: 99_999, files: [file()] }),
    status: 404,
  },

  // Confirming, renewing and cancelling.
  {
    what: 'no upload ids',
    path: 'uploads.complete',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, uploadIds: [] }),
    message: /at least one upload id/,
  },
  {
    what: 'six upload ids',
    path: 'uploads.complete',
    kind: 'mutation',
    input: (w) => ({
      productId: w.product,
      uploadIds: ['a', 'b', 'c', 'd', 'e', 'f'],
    }),
    message: /at most 5 upload ids/,
  },
  {
    what: 'a repeated upload id',
    path: 'uploads.complete',
    kind: 'mutation',
    input: (w) => ({
      productId: w.other,
      uploadIds: [w.pending.uploadId, w.pending.uploadId],
    }),
    message: /must not repeat an id/,
  },
  ...['../x', '', 'a'.repeat(65), 'a b', 7].map((id) => ({
    what: `upload id ${JSON.stringify(id).slice(0, 30)}`,
    path: 'uploads.complete',
    kind: 'mutation' as const,
    input: (w: World) => ({ productId: w.product, uploadIds: [id] }),
    message: /^uploadIds\[0\]: /,
  })),
  {
    what: "renew another product's upload",
    path: 'uploads.renew',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, uploadId: w.pending.uploadId }),
  },
  {
    what: 'renew a malformed id',
    path: 'uploads.renew',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, uploadId: '../../x' }),
    message: /^uploadId: /,
  },
  {
    what: 'cancel a repeated id',
    path: 'uploads.cancel',
    kind: 'mutation',
    input: (w) => ({
      productId: w.other,
      uploadIds: [w.pending.uploadId, w.pending.uploadId],
    }),
    message: /must not repeat an id/,
  },

  // Photos.
  ...badIds.map((id) => ({
    what: `cover id ${JSON.stringify(id)}`,
    path: 'images.setCover',
    kind: 'mutation' as const,
    input: () => ({ id }),
    message: /^id: /,
  })),
  {
    what: 'a photo that is not there',
    path: 'images.delete',
    kind: 'mutation',
    input: () => ({ id: 99_999 }),
    status: 404,
  },
  {
    what: 'a megabyte of alt text',
    path: 'images.updateAlt',
    kind: 'mutation',
    input: (w) => ({ id: w.image, alt: megabyteText }),
    message: /^alt: /,
  },
  {
    what: 'alt text reversing itself',
    path: 'images.updateAlt',
    kind: 'mutation',
    input: (w) => ({ id: w.image, alt: 'nice\u202Eevil' }),
    message: /^alt: /,
  },
  {
    what: 'alt text with a control character',
    path: 'images.updateAlt',
    kind: 'mutation',
    input: (w) => ({ id: w.image, alt: 'a\u0000b' }),
    message: /^alt: /,
  },
  {
    what: "reorder with another product's photo",
    path: 'images.reorder',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, imageIds: [w.otherImage] }),
    status: 409,
  },
  {
    what: 'reorder with a repeated photo',
    path: 'images.reorder',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, imageIds: [w.image, w.image] }),
    message: /must not repeat an id/,
  },
  {
    what: 'reorder with no photos',
    path: 'images.reorder',
    kind: 'mutation',
    input: (w) => ({ productId: w.product, imageIds: [] }),
  },

  // Accounts.
  {
    what: 'a log-in without a password',
    path: 'auth.login',
    kind: 'mutation',
    input: () => ({ email: 'a@b.c' }),
    message: /^password: is required/,
  },
  {
    what: 'a log-in with a megabyte password',
    path: 'auth.login',
    kind: 'mutation',
    input: () => ({ email: 'a@b.c', password: megabyteText }),
    message: /^password: must be at most 1024/,
  },
  {
    what: 'a log-in with a 300-character email',
    path: 'auth.login',
    kind: 'mutation',
    input: () => ({ email: `${'e'.repeat(300)}@b.c`, password: 'x' }),
    message: /^email: /,
  },
  {
    what: 'a log-in with types swapped',
    path: 'auth.login',
    kind: 'mutation',
    input: () => ({ email: 1, password: ['x'] }),
  },
  {
    what: 'a log-in with an extra field',
    path: 'auth.login',
    kind: 'mutation',
    input: () => ({ email: 'a@b.c', password: 'x', admin: true }),
  },
  {
    what: 'a change to a megabyte password',
    path: 'auth.changePassword',
    kind: 'mutation',
    input: () => ({ currentPassword: 'x', newPassword: megabyteText }),
    message: /^newPassword: /,
  },

  // Bodies that are not what they claim.
  {
    what: 'a body that is not JSON',
    path: 'products.create',
    kind: 'mutation',
    input: () => undefined,
    rawBody: '{"name": "unterminated',
  },
  ...[
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
  ].map((contentType) => ({
    what: `a form sent as ${contentType}`,
    path: 'products.create',
    kind: 'mutation' as const,
    input: () => undefined,
    rawBody: 'name=planted',
    contentType,
  })),
  {
    what: 'a procedure that does not exist',
    path: 'products.drop',
    kind: 'mutation',
    input: () => ({}),
    status: 404,
  },
];

describe('hostile input', () => {
  it.each(cases)('$path refuses $what', async (hostile) => {
    const before = await snapshot(test);

    const answer = await rawCall(
      test,
      hostile.path,
      hostile.kind,
      hostile.input(world),
      hostile.rawBody,
      hostile.contentType,
    );

    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    if (hostile.status) expect(answer.status).toBe(hostile.status);
    // Words, not a dump: no stack, no JSON, no echo of a megabyte.
    expect(answer.message.length).toBeGreaterThan(5);
    expect(answer.message.length).toBeLessThan(400);
    expect(answer.message).not.toMatch(/^\s*[[{]|\n\s+at /);
    if (hostile.message) expect(answer.message).toMatch(hostile.message);
    expect(await snapshot(test)).toBe(before);
  });
});

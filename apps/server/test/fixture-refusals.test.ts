import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseName, fixtureBytes, manifest } from './support/fixtures.ts';
import { refusal } from './support/refusal.ts';
import { refusedConfirm } from './support/refused-confirm.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { putToStore } from './support/upload.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

/** The type a browser reports for each refused fixture, by its extension. */
const ownTypes: Record<string, string> = {
  'bmp-sample.bmp': 'image/bmp',
  'json-named-webp.webp': 'image/webp',
  'pdf-document.pdf': 'application/pdf',
  'png-truncated.png': 'image/png',
  'svg-image.svg': 'image/svg+xml',
  'tiff-sample.tiff': 'image/tiff',
  'zip-archive.zip': 'application/zip',
};

const rejects = manifest.reject.map((fixture) => ({
  name: baseName(fixture.file),
  file: fixture.file,
  why: fixture.why,
}));

describe('refused fixtures leave no row and no object', () => {
  const refusedAtAsk = rejects.filter(
    (fixture) => !/^image\/(png|webp)$/.test(ownTypes[fixture.name] ?? ''),
  );

  it.each(refusedAtAsk)('refuses $name ($why) at the ask', async (fixture) => {
    const product = await newProduct();
    const type = ownTypes[fixture.name] ?? '';

    const error = await refusal(
      test.api.uploads.create.mutate({
        productId: product.id,
        files: [{ name: fixture.name, type, size: size(fixture.file) }],
      }),
    );

    expect(error.data?.httpStatus).toBe(400);
    expect(error.data?.files).toEqual([
      expect.objectContaining({ name: fixture.name, code: 'TYPE_NOT_ALLOWED' }),
    ]);
    expect(error.message).toBe(
      `${fixture.name}: ${type} is not allowed; choose a JPEG, PNG, WebP, ` +
        'AVIF or GIF image.',
    );
    await expectNothingLeft(product.id);
  });

  const declaredAllowed = [
    ...rejects
      .filter((fixture) =>
        /^image\/(png|webp)$/.test(ownTypes[fixture.name] ?? ''),
      )
      .map((fixture) => ({ ...fixture, type: ownTypes[fixture.name] ?? '' })),
    ...rejects
      .filter((fixture) => fixture.name === 'svg-image.svg')
      .map((fixture) => ({ ...fixture, type: 'image/png' })),
    ...rejects.map((fixture) => ({ ...fixture, type: 'image/jpeg' })),
  ];

  it.each(declaredAllowed)(
    'refuses $name declared as $type at the confirm',
    async (fixture) => {
      const product = await newProduct();
      const bytes = fixtureBytes(fixture.file);
      const [ticket] = await test.api.uploads.create.mutate({
        productId: product.id,
        files: [{ name: fixture.name, type: fixture.type, size: bytes.length }],
      });
      if (!ticket) throw new Error('no ticket');
      expect(await putToStore(ticket, bytes)).toBe(200);
      expect(await test.listKeys()).toContain(ticket.key);

      const failures = await refusedConfirm(test, product.id, [
        ticket.uploadId,
      ]);

      expect(failures).toEqual([
        expect.objectContaining({
          uploadId: ticket.uploadId,
          name: fixture.name,
          code: expect.stringMatching(/CONTENT_MISMATCH|IMAGE_UNREADABLE/),
        }),
      ]);
      expect(failures[0]?.message).toMatch(/declared as|damaged/);
      await expectNothingLeft(product.id);
      expect(await test.listKeys()).not.toContain(ticket.key);
    },
  );
});

// Found by a tester: a file cut short keeps a perfect header.
describe('cut-short copies of accepted fixtures', () => {
  it.each([
    ['accept/png-sample.png', 'image/png', 0.5],
    ['accept/jpeg-baseline.jpg', 'image/jpeg', 2000],
    ['accept/webp-lossy.webp', 'image/webp', 0.9],
    ['accept/avif-sample.avif', 'image/avif', 0.9],
  ] as const)('refuses %s cut at %s', async (file, type, cut) => {
    const product = await newProduct();
    const whole = fixtureBytes(file);
    const bytes = whole.subarray(
      0,
      cut < 1 ? Math.floor(whole.length * cut) : cut,
    );
    const name = baseName(file);
    const [ticket] = await test.api.uploads.create.mutate({
      productId: product.id,
      files: [{ name, type, size: bytes.length }],
    });
    if (!ticket) throw new Error('no ticket');
    expect(await putToStore(ticket, bytes)).toBe(200);

    const failures = await refusedConfirm(test, product.id, [ticket.uploadId]);

    expect(failures).toEqual([
      {
        uploadId: ticket.uploadId,
        name,
        code: 'IMAGE_UNREADABLE',
        message: 'the file is cut short: its end is missing.',
      },
    ]);
    await expectNothingLeft(product.id);
  });
});

async function newProduct() {
  return test.api.products.create.mutate({ name: 'Refusals' });
}

function size(file: string): number {
  return fixtureBytes(file).length;
}

async function expectNothingLeft(productId: number): Promise<void> {
  const product = await test.api.products.get.query({ id: productId });
  expect(product.images).toEqual([]);
  const uploads = await test.app.db
    .selectFrom('upload')
    .select('id')
    .where('product_id', '=', productId)
    .execute();
  expect(uploads).toEqual([]);
  const keys = await test.listKeys();
  expect(
    keys.filter((key) => key.startsWith(`products/${productId}/`)),
  ).toEqual([]);
}

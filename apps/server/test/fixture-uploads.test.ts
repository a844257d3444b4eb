import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseName, fixtureBytes, manifest } from './support/fixtures.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';
import { uploadFiles } from './support/upload.ts';

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(() => test?.close());

describe('every accepted fixture', () => {
  const batches = chunk(manifest.accept, 5);

  it.each(batches.map((batch, index) => [index + 1, batch] as const))(
    'uploads batch %i with the manifest type, size and displayed size',
    async (_, batch) => {
      const product = await test.api.products.create.mutate({
        name: `Batch of ${batch.length}`,
      });
      const { statuses, completed } = await uploadFiles(
        test,
        product.id,
        batch.map((fixture) => ({
          name: baseName(fixture.file),
          type: fixture.type,
          bytes: fixtureBytes(fixture.file),
        })),
      );

      expect(statuses).toEqual(batch.map(() => 200));
      expect(completed.failures).toEqual([]);
      expect(
        completed.images.map((image) => ({
          name: image.originalName,
          type: image.contentType,
          bytes: image.byteSize,
          width: image.width,
          height: image.height,
        })),
      ).toEqual(
        batch.map((fixture) => ({
          name: baseName(fixture.file),
          type: fixture.type,
          bytes: fixture.bytes,
          width: fixture.width,
          height: fixture.height,
        })),
      );

      const stored = await test.api.products.get.query({ id: product.id });
      expect(stored.images.map((image) => image.position)).toEqual(
        batch.map((_, position) => position),
      );
      for (const [index, image] of stored.images.entries()) {
        const served = await fetch(image.url);
        const fixture = batch[index];
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe(fixture?.type);
        const body = new Uint8Array(await served.arrayBuffer());
        expect(Buffer.compare(body, fixtureBytes(fixture?.file ?? ''))).toBe(0);
      }
    },
  );
});

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) {
    chunks.push(items.slice(at, at + size));
  }
  return chunks;
}

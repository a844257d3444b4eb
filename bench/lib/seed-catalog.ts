import type { Kysely } from 'kysely';
import type { Database } from '../../packages/api/src/index.ts';

const batchSize = 500;

/**
 * Fills a database with products and their images, as many as a busy shop
 * has. Plain Kysely inserts, so any dialect the app supports takes them.
 * Returns the first product id; the rest follow it.
 */
export async function seedCatalog(
  db: Kysely<Database>,
  products: number,
  imagesPerProduct: number,
): Promise<{ first: number }> {
  const now = new Date().toISOString();
  let first = 0;
  await db.transaction().execute(async (trx) => {
    for (let done = 0; done < products; done += batchSize) {
      const count = Math.min(batchSize, products - done);
      const ids = await trx
        .insertInto('product')
        .values(
          Array.from({ length: count }, (_, index) => ({
            name: `Product ${done + index + 1}`,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      if (done === 0) first = ids[0]?.id ?? 0;
      const images = ids.flatMap(({ id }) =>
        Array.from({ length: imagesPerProduct }, (_, position) => ({
          product_id: id,
          upload_id: `seed-${id}-${position}`,
          object_key: `products/${id}/seed-${position}.jpg`,
          content_type: 'image/jpeg',
          byte_size: 2_000_000,
          width: 1600,
          height: 1200,
          position,
          alt: '',
          original_name: `photo-${position + 1}.jpg`,
          created_at: now,
        })),
      );
      for (let at = 0; at < images.length; at += batchSize) {
        await trx
          .insertInto('image')
          .values(images.slice(at, at + batchSize))
          .execute();
      }
    }
  });

  return { first };
}

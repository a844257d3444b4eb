import type { Kysely } from 'kysely';

// Frozen once landed: change the schema in a new migration, never here.

/**
 * `upload.checksum_sha256`: the SHA-256 the browser computed of the bytes
 * it will send, signed into the PUT so the store refuses damaged bytes;
 * kept so that a renewed URL signs the same digest. `image.placeholder`:
 * a ThumbHash the page shows while the real image loads.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('upload')
    .addColumn('checksum_sha256', 'text')
    .execute();
  await db.schema
    .alterTable('image')
    .addColumn('placeholder', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('image').dropColumn('placeholder').execute();
  await db.schema.alterTable('upload').dropColumn('checksum_sha256').execute();
}

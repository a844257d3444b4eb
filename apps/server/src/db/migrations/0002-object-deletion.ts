import type { Kysely } from 'kysely';

// Frozen once landed: change the schema in a new migration, never here.

/**
 * Objects to delete from the bucket. A key is queued in the same
 * transaction that drops the row pointing at it, so that when the store is
 * unreachable the sweeper still knows what to delete later.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('object_deletion')
    .addColumn('object_key', 'text', (col) => col.primaryKey())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    // Deleted again then: a signed PUT URL can write its key until it
    // expires, even after the upload was refused or moved.
    .addColumn('not_before', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('object_deletion').execute();
}

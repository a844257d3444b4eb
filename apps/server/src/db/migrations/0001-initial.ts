import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once landed: change the schema in a new migration, never here.

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // autoIncrement() writes MySQL syntax that PostgreSQL refuses.
  const serialId = postgres ? 'serial' : 'integer';

  await db.schema
    .createTable('product')
    .addColumn('id', serialId, (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('image')
    .addColumn('id', serialId, (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('product_id', 'integer', (col) =>
      col.notNull().references('product.id').onDelete('cascade'),
    )
    .addColumn('upload_id', 'text', (col) => col.notNull().unique())
    .addColumn('object_key', 'text', (col) => col.notNull().unique())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('byte_size', 'integer', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('alt', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('original_name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('image_product_position')
    .on('image')
    .columns(['product_id', 'position'])
    .execute();

  await db.schema
    .createTable('upload')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('product_id', 'integer', (col) =>
      col.notNull().references('product.id').onDelete('cascade'),
    )
    .addColumn('object_key', 'text', (col) => col.notNull().unique())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('byte_size', 'integer', (col) => col.notNull())
    .addColumn('original_name', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('upload_product')
    .on('upload')
    .column('product_id')
    .execute();
  await db.schema
    .createIndex('upload_expires_at')
    .on('upload')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('upload').execute();
  await db.schema.dropTable('image').execute();
  await db.schema.dropTable('product').execute();
}
